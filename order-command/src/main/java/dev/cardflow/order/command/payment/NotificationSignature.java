package dev.cardflow.order.command.payment;

import dev.cardflow.infrastructure.security.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks {@code X-Cardflow-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">} and that
 * {@code X-Cardflow-Timestamp} (Unix seconds) is within the window of our clock.
 */
class NotificationSignature {

    private final byte[] secret;
    private final Duration window;
    private final Clock clock;

    NotificationSignature(String secret, Duration window, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.window = window;
        this.clock = clock;
    }

    boolean isAuthentic(String timestamp, String signature, byte[] body) {
        // no secret (the simulator provider is not enabled): nothing is authentic
        if (secret.length == 0 || timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        try {
            Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
            if (skew.compareTo(window) > 0) {
                return false;
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return false; // outside Instant's range: certainly not within the window
        }
        byte[] signed = (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(body, 0, message, signed.length, body.length);
        byte[] expected = Hmac.sha256(secret, message);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring("sha256=".length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }
}
