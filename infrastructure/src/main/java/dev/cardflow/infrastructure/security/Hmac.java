package dev.cardflow.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the one keyed hash the platform uses (tokens, fingerprints, key derivation). */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";
    /** One Mac a thread, keyed anew for each call: looking the algorithm up costs more than the hash of a token. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    });

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, String message) {
        return sha256(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] key, byte[] message) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an HmacSHA256 key", e);
        }
        return mac.doFinal(message);
    }
}
