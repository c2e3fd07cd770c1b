package dev.cardflow.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * An order's access token is an HMAC of its id under the token secret: a retried placement gets
 * the same token back, nothing secret is stored, and any instance can check a token even before
 * the order is projected.
 */
public class AccessTokens {

    private final byte[] secret;

    public AccessTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    public String issue(String orderId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, "order-access:" + orderId));
    }

    /** Whether {@code token} is the one issued for {@code orderId}; constant time. */
    public boolean isValid(String orderId, String token) {
        if (orderId == null || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                issue(orderId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A stream ticket: lets its holder open the live stream of one order until {@code expiresAt},
     * so the page need not put the access token in a URL. Derived like the token, stored nowhere.
     */
    public String issueStreamTicket(String orderId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return expires + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hmac.sha256(secret, "stream-ticket:" + orderId + ":" + expires));
    }

    /** Whether {@code ticket} was issued for {@code orderId} and has not expired at {@code now}. */
    public boolean isValidStreamTicket(String orderId, String ticket, Instant now) {
        if (orderId == null || ticket == null || ticket.length() > 80) {
            return false;
        }
        int dot = ticket.indexOf('.');
        long expires;
        try {
            expires = Long.parseLong(ticket.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expires < now.getEpochSecond()) {
            return false;
        }
        String expected = issueStreamTicket(orderId, Instant.ofEpochSecond(expires));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                ticket.getBytes(StandardCharsets.US_ASCII));
    }
}
