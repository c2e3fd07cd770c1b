package dev.cardflow.infrastructure.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Resolves a named secret from configuration, or else from the {@code cardflow_secret} table,
 * generating it on first use. Every instance on one database agrees on the stored value. In
 * production a secret comes from configuration only: none is generated or read from the database.
 */
public class PlatformSecrets {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecrets.class);
    private static final int MIN_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final java.util.Map<String, byte[]> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    private final boolean production;

    public PlatformSecrets(JdbcTemplate jdbc) {
        this(jdbc, false);
    }

    /** {@code production}: a missing secret is refused instead of generated and kept in the database. */
    public PlatformSecrets(JdbcTemplate jdbc, boolean production) {
        this.jdbc = jdbc;
        this.production = production;
    }

    /** The secret's bytes: the configured value when there is one, else the stored (or newly generated) one. */
    public byte[] resolve(String name, String configured, String environmentVariable) {
        return resolve(name, configured, environmentVariable, PlatformSecrets::randomBytes);
    }

    /**
     * As {@link #resolve(String, String, String)}, for a secret with a shape of its own (a private key, say):
     * {@code generator} makes a fresh one when neither configuration nor the database holds it.
     */
    public byte[] resolve(String name, String configured, String environmentVariable, Supplier<byte[]> generator) {
        return resolved.computeIfAbsent(name, n -> load(n, configured, environmentVariable, generator)).clone();
    }

    private static byte[] randomBytes() {
        byte[] fresh = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    private byte[] load(String name, String configured, String environmentVariable, Supplier<byte[]> generator) {
        if (configured != null && !configured.isBlank()) {
            return decode(name, configured, environmentVariable);
        }
        if (production) {
            // ModeCheck refuses such a start already; this keeps it so if that check is ever bypassed
            throw new IllegalStateException("Production mode needs " + environmentVariable);
        }
        byte[] fresh = generator.get();
        jdbc.update("insert into cardflow_secret (name, secret) values (?, ?) on conflict (name) do nothing",
                name, Base64.getEncoder().encodeToString(fresh));
        String stored = jdbc.queryForObject("select secret from cardflow_secret where name = ?", String.class, name);
        log.warn("{} is not set: using the {} secret kept in the database. Set it for production.",
                environmentVariable, name);
        return decode(name, stored, environmentVariable);
    }

    private static byte[] decode(String name, String value, String environmentVariable) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(environmentVariable + " (" + name + ") must be base64", e);
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(
                    environmentVariable + " (" + name + ") must hold at least " + MIN_BYTES + " bytes");
        }
        return bytes;
    }
}
