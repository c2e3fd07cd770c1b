package dev.cardflow.fulfilment.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Receipt signing.
 *
 * @param signingKey         base64 PKCS#8 Ed25519 private key; {@code CARDFLOW_RECEIPT_SIGNING_KEY}. Required
 *                           in production; in demo mode one is generated and kept in the database.
 * @param previousPublicKeys keys rotated out, base64 X.509 public keys, so receipts they signed still verify;
 *                           {@code CARDFLOW_RECEIPT_PREVIOUS_PUBLIC_KEYS} (comma-separated)
 */
@ConfigurationProperties("cardflow.receipts")
public record ReceiptProperties(String signingKey, List<String> previousPublicKeys) {

    public ReceiptProperties {
        previousPublicKeys = previousPublicKeys == null ? List.of()
                : previousPublicKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
    }
}
