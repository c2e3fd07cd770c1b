package dev.cardflow.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of the platform, each a base64 string of at least 32 random bytes.
 *
 * @param cardKeySecret protects card keys at rest (AES-GCM) and keys their fingerprints;
 *                      {@code CARDFLOW_CARD_KEY_SECRET}. Unset: one is generated and kept in the
 *                      database, which is fine for a trial and wrong for production.
 * @param tokenSecret   derives each order's access token; {@code CARDFLOW_TOKEN_SECRET}. Unset:
 *                      generated once and kept in the database, so tokens survive restarts.
 */
@ConfigurationProperties("cardflow.security")
public record SecretsProperties(String cardKeySecret, String tokenSecret) {
}
