package dev.cardflow.fulfilment.receipt;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptKeysTest {

    @Test
    void thePublishedKeyChecksWhatTheSigningKeySigns() throws Exception {
        ReceiptKeys keys = new ReceiptKeys(ReceiptKeys.generate(), List.of());
        String signature = keys.sign("o-1\nabc\n2026-12-01T10:00:00Z");

        // checked with the JDK alone, as a buyer's developer would with the published key
        var published = keys.published().get(0);
        var check = Signature.getInstance("Ed25519");
        check.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(published.publicKey()))));
        check.update("o-1\nabc\n2026-12-01T10:00:00Z".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(check.verify(Base64.getDecoder().decode(signature))).isTrue();
        assertThat(published.keyId()).isEqualTo(keys.signingKeyId()).hasSize(16);
    }

    @Test
    void aReceiptSignedByARotatedOutKeyStillVerifies() {
        ReceiptKeys before = new ReceiptKeys(ReceiptKeys.generate(), List.of());
        String signature = before.sign("o-1\nhead\nwhen");

        ReceiptKeys after = new ReceiptKeys(ReceiptKeys.generate(), List.of(before.published().get(0).publicKey()));

        assertThat(after.signingKeyId()).isNotEqualTo(before.signingKeyId());
        assertThat(after.verify(before.signingKeyId(), "o-1\nhead\nwhen", signature)).isTrue();
        assertThat(after.published()).hasSize(2);
        assertThat(new ReceiptKeys(ReceiptKeys.generate(), List.of()).verify(before.signingKeyId(), "o-1\nhead\nwhen",
                signature)).as("a key nobody listed").isFalse();
    }

    @Test
    void oneChangedByteFailsTheSignature() {
        ReceiptKeys keys = new ReceiptKeys(ReceiptKeys.generate(), List.of());
        String signature = keys.sign("o-1\nhead\nwhen");

        assertThat(keys.verify(keys.signingKeyId(), "o-1\nhead\nwhen", signature)).isTrue();
        assertThat(keys.verify(keys.signingKeyId(), "o-1\nhead\nwhem", signature)).isFalse();
        assertThat(keys.verify(keys.signingKeyId(), "o-1\nhead\nwhen", "not base64!")).isFalse();
    }

    @Test
    void aKeyThatIsNotEd25519IsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new ReceiptKeys(new byte[48], List.of()))
                .hasMessageContaining("CARDFLOW_RECEIPT_SIGNING_KEY");
    }
}
