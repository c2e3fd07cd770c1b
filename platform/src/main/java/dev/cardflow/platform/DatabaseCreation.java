package dev.cardflow.platform;

import org.apache.commons.logging.Log;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the configured PostgreSQL database when the server is there but the database is not. */
final class DatabaseCreation {

    private static final String INVALID_CATALOG = "3D000";
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)$");

    private DatabaseCreation() {
    }

    static void ensureExists(Log log, String url, String user, String password) {
        Matcher m = DATABASE.matcher(url);
        if (!m.matches()) {
            return;
        }
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!INVALID_CATALOG.equals(e.getSQLState())) {
                return;
            }
        }
        String database = m.group(2);
        try (Connection c = DriverManager.getConnection(m.group(1) + "postgres" + m.group(3), user, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
            log.info("Created the database " + database);
        } catch (SQLException e) {
            log.warn("Could not create the database " + database + ": " + e.getMessage());
        }
    }
}
