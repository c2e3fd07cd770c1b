package dev.cardflow.infrastructure.testing;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fresh PostgreSQL databases for tests, on the server named by {@code CARDFLOW_TEST_DATABASE_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}). Each
 * application context gets a database of its own, so no test sees another's data. Names carry
 * their creation time; databases left by runs more than a few hours ago are dropped once per JVM
 * (never a younger one: another test run may be using it). Shared through infrastructure's
 * test-jar: the platform's tests and the modules' store tests use it alike.
 */
public final class TestDatabase {

    static final String PREFIX = "cardflow_it_";
    private static final long STALE_AFTER_SECONDS = 6 * 3600;
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private TestDatabase() {
    }

    public static String serverUrl() {
        String url = System.getenv("CARDFLOW_TEST_DATABASE_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/postgres" : url;
    }

    public static String user() {
        String user = System.getenv("CARDFLOW_TEST_DATABASE_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String password() {
        String password = System.getenv("CARDFLOW_TEST_DATABASE_PASSWORD");
        return password == null ? "" : password;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String create() {
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
             Statement s = c.createStatement()) {
            if (SWEPT.compareAndSet(false, true)) {
                sweep(c);
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl()
                    + " (is PostgreSQL running? set CARDFLOW_TEST_DATABASE_URL)", e);
        }
        return urlOf(name);
    }

    /**
     * A database of its own for one test class, migrated with the given Flyway locations (a
     * module's {@code classpath:db/migration/...}); {@link Migrated#close()} drops it.
     */
    public static Migrated migrated(String... locations) {
        String url = create();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user(), password());
        Flyway.configure().dataSource(dataSource).locations(locations).outOfOrder(true).load().migrate();
        return new Migrated(url, dataSource, new JdbcTemplate(dataSource));
    }

    /** A migrated throwaway database. */
    public record Migrated(String url, DriverManagerDataSource dataSource, JdbcTemplate jdbc) implements AutoCloseable {

        @Override
        public void close() {
            String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
            try (Connection c = DriverManager.getConnection(serverUrl(), user(), password());
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot drop the test database " + name, e);
            }
        }
    }

    public static String urlOf(String database) {
        String server = serverUrl();
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        int query = server.indexOf('?');
        return server.substring(0, slash + 1) + database + (query >= 0 ? server.substring(query) : "");
    }

    /** The creation time in a database's name; 0 for names without one (older layouts). */
    private static long createdAt(String name) {
        String rest = name.substring(PREFIX.length());
        int end = rest.indexOf('_');
        try {
            return end > 0 ? Long.parseLong(rest.substring(0, end)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void sweep(Connection c) throws SQLException {
        List<String> old = new ArrayList<>();
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            long staleBefore = Instant.now().getEpochSecond() - STALE_AFTER_SECONDS;
            while (rs.next()) {
                String name = rs.getString(1);
                if (createdAt(name) < staleBefore) {
                    old.add(name);
                }
            }
        }
        for (String name : old) {
            try (Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
