package dev.cardflow.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * The simulations' knobs, read from system properties ({@code -Dname=value} on the Maven command
 * line; the Gatling plugin hands them to the simulation's JVM). Every knob has a default that
 * suits a short run against {@code java -jar platform/target/cardflow-platform.jar} on :8080.
 */
final class BenchConfig {

    private BenchConfig() {
    }

    /** The platform's base URL, without a trailing slash. */
    static String base() {
        String base = string("base", "http://localhost:8080");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The admin user's password: {@code -DadminPassword}, else {@code CARDFLOW_ADMIN_PASSWORD}. */
    static String adminPassword() {
        String password = System.getProperty("adminPassword", System.getenv("CARDFLOW_ADMIN_PASSWORD"));
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("-DadminPassword (or CARDFLOW_ADMIN_PASSWORD) is required: "
                    + "the setup creates a product and uploads its card keys through the admin API");
        }
        return password;
    }

    static String adminUser() {
        return string("adminUser", "admin");
    }

    /** An existing product to buy; when set, the setup creates nothing and uploads no keys. */
    static String productId() {
        String product = System.getProperty("productId");
        return product == null || product.isBlank() ? null : product.strip();
    }

    /**
     * Whether every virtual user sends an {@code X-Forwarded-For} of its own (a distinct buyer
     * address in 198.18.0.0/15, the range RFC 2544 sets aside for benchmarks). The platform
     * believes it from a trusted proxy, and loopback is one by default
     * ({@code CARDFLOW_TRUSTED_PROXIES}), so each buyer meets the per-client limits alone, as real
     * buyers do. With {@code -DforwardedFor=false} every request comes from 127.0.0.1 and the
     * platform must be started with the limits raised ({@code CARDFLOW_RATE_LIMIT_PER_MINUTE},
     * {@code CARDFLOW_MAX_UNPAID_ORDERS}).
     */
    static boolean forwardedFor() {
        return bool("forwardedFor", true);
    }

    static String string(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    static double decimal(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
    }

    static boolean bool(String name, boolean fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.strip());
    }

    /** A duration in seconds (decimals allowed). */
    static Duration seconds(String name, double fallback) {
        return Duration.ofMillis(Math.round(decimal(name, fallback) * 1000));
    }

    /** A duration in milliseconds. */
    static Duration millis(String name, long fallback) {
        String value = System.getProperty(name);
        return Duration.ofMillis(value == null || value.isBlank() ? fallback : Long.parseLong(value.strip()));
    }

    static String lower(String name, String fallback) {
        return string(name, fallback).toLowerCase(Locale.ROOT);
    }
}
