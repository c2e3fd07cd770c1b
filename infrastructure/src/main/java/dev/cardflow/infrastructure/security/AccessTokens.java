package dev.cardflow.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
}
