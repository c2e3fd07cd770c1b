package dev.cardflow.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' credentials.
 *
 * @param username the admin user (default {@code admin})
 * @param password the admin password ({@code CARDFLOW_ADMIN_PASSWORD}); unset, a random one is
 *                 generated at start and printed once to the log
 */
@ConfigurationProperties("cardflow.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {
}
