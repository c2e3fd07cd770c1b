package dev.cardflow.infrastructure.security;

import dev.cardflow.api.common.SealedCardKey;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardKeyCipherTest {

    private final CardKeyCipher cipher = new CardKeyCipher(secret(1));

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    @Test
    void aSealedKeyOpensToTheKeyTheOperatorUploadedWithoutSurroundingSpaces() {
        SealedCardKey sealed = cipher.seal("  GIFT-1234-ABCD \n");

        assertThat(cipher.open(sealed)).isEqualTo("GIFT-1234-ABCD");
    }

    @Test
    void theStoredFormNeverShowsTheKey() {
        SealedCardKey sealed = cipher.seal("GIFT-1234-ABCD");

        assertThat(sealed.ciphertext()).startsWith("v1:").doesNotContain("GIFT");
        assertThat(sealed.fingerprint()).doesNotContain("GIFT");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext()).doesNotContain("GIFT");
    }

    @Test
    void theSameKeyHasTheSameFingerprintButADifferentCiphertextEachTime() {
        SealedCardKey first = cipher.seal("GIFT-1");
        SealedCardKey again = cipher.seal(" GIFT-1 ");

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(again.ciphertext()).isNotEqualTo(first.ciphertext());
        assertThat(cipher.seal("GIFT-2").fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void anotherSecretNeitherOpensTheKeysNorMatchesTheirFingerprints() {
        CardKeyCipher other = new CardKeyCipher(secret(2));
        SealedCardKey sealed = cipher.seal("GIFT-1");

        assertThat(other.fingerprint("GIFT-1")).isNotEqualTo(sealed.fingerprint());
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("CARDFLOW_CARD_KEY_SECRET");
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SealedCardKey sealed = cipher.seal("GIFT-1");
        char[] text = sealed.ciphertext().toCharArray();
        int inTheSealedBytes = "v1:".length() + 24; // past the nonce, inside ciphertext and tag
        text[inTheSealedBytes] = text[inTheSealedBytes] == 'A' ? 'B' : 'A';
        SealedCardKey tampered = new SealedCardKey(sealed.fingerprint(), new String(text));

        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBlankKeyCannotBeSealed() {
        assertThatThrownBy(() -> cipher.seal("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
