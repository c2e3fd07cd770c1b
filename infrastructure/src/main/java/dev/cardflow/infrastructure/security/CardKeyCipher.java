package dev.cardflow.infrastructure.security;

import dev.cardflow.api.common.SealedCardKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals card keys with AES-256-GCM (random 96-bit nonce) and fingerprints them with a keyed HMAC,
 * so events, sagas and projections only ever hold ciphertext. Ciphertexts carry a version prefix
 * to leave room for key rotation.
 */
public class CardKeyCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final byte[] fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    public CardKeyCipher(byte[] secret) {
        this.encryptionKey = new SecretKeySpec(Hmac.sha256(secret, "cardflow card-key encryption"), "AES");
        this.fingerprintKey = Hmac.sha256(secret, "cardflow card-key fingerprint");
    }

    public SealedCardKey seal(String plainKey) {
        String key = normalise(plainKey);
        return new SealedCardKey(fingerprint(key), encrypt(key));
    }

    public String open(SealedCardKey sealed) {
        return decrypt(sealed.ciphertext());
    }

    /** The keyed fingerprint of a key, identical for identical keys (after trimming). */
    public String fingerprint(String plainKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hmac.sha256(fingerprintKey, normalise(plainKey)));
    }

    private static String normalise(String plainKey) {
        if (plainKey == null || plainKey.isBlank()) {
            throw new IllegalArgumentException("a card key must not be blank");
        }
        return plainKey.strip();
    }

    private String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("card key encryption failed", e);
        }
    }

    private String decrypt(String ciphertext) {
        if (!ciphertext.startsWith(VERSION)) {
            throw new IllegalArgumentException("unknown card key ciphertext version");
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("card key could not be decrypted: wrong CARDFLOW_CARD_KEY_SECRET?", e);
        }
    }
}
