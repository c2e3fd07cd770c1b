package dev.cardflow.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' credentials.
 *
 * @param username the admin user (default {@code admin})
 * @param password the admin password ({@code CARDFLOW_ADMIN_PASSWORD}); unset, a random one is
 *                 generated at start and printed once to the log
 * @param metricsPassword password of the {@code metrics} user, who may read {@code /actuator/prometheus}
 *                 and nothing else ({@code CARDFLOW_METRICS_PASSWORD}); unset, there is no such user
 */
@ConfigurationProperties("cardflow.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password, String metricsPassword) {
}
