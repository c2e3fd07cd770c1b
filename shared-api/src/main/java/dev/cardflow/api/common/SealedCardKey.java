package dev.cardflow.api.common;

import java.util.Objects;

/**
 * A card key as the platform stores and moves it: AES-GCM ciphertext plus a keyed fingerprint
 * of the plain text, so duplicates are found without ever holding the key in the clear.
 */
public record SealedCardKey(String fingerprint, String ciphertext) {

    public SealedCardKey {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (fingerprint.isBlank() || ciphertext.isBlank()) {
            throw new IllegalArgumentException("a sealed card key needs a fingerprint and a ciphertext");
        }
    }

    @Override
    public String toString() {
        return "SealedCardKey[" + fingerprint.substring(0, Math.min(8, fingerprint.length())) + "…]";
    }
}
