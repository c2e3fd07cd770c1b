package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The operator accounts kept in {@code cardflow_operator}, each with a bcrypt hash and a role. */
public class Operators {

    /** What an operator may do: OPERATOR reads and runs order compensations, ADMIN everything. */
    public enum Role { OPERATOR, ADMIN }

    /** An account as the API shows it; never its hash. */
    public record Operator(String username, Role role, Instant createdAt) {
    }

    record Credentials(String username, String passwordHash, Role role) {
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 72; // bcrypt reads no further

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Set<String> reserved;

    public Operators(JdbcTemplate jdbc, PasswordEncoder encoder, Set<String> reservedUsernames) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.reserved = Set.copyOf(reservedUsernames);
    }

    public Operator create(String username, String password, String role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest("invalid-username",
                    "username must be 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit.");
        }
        if (reserved.contains(username)) {
            throw ProblemException.conflict("operator-exists", "The account " + username + " exists already.");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ProblemException.badRequest("invalid-password",
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
        Role parsed;
        try {
            parsed = Role.valueOf(String.valueOf(role));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-role", "role must be OPERATOR or ADMIN.");
        }
        Instant now = Instant.now();
        try {
            jdbc.update("insert into cardflow_operator (username, password_hash, role, created_at) values (?, ?, ?, ?)",
                    username, encoder.encode(password), parsed.name(), java.sql.Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("operator-exists", "The account " + username + " exists already.");
        }
        return new Operator(username, parsed, now);
    }

    public List<Operator> list() {
        return jdbc.query("select username, role, created_at from cardflow_operator order by username",
                (rs, n) -> new Operator(rs.getString(1), Role.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()));
    }

    /** Deletes the account; false when there was none. */
    public boolean delete(String username) {
        return jdbc.update("delete from cardflow_operator where username = ?", username) > 0;
    }

    Optional<Credentials> find(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return jdbc.query("select username, password_hash, role from cardflow_operator where username = ?",
                (rs, n) -> new Credentials(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))),
                username).stream().findFirst();
    }
}
