package dev.cardflow.infrastructure.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one client (one address) may do.
 *
 * @param rateLimitPerMinute order placements, and order lookups with a wrong token, per client and
 *                           minute ({@code CARDFLOW_RATE_LIMIT_PER_MINUTE}, default 120); polling an
 *                           order with its valid token is never limited
 * @param maxUnpaidOrders    unpaid orders one client may hold at once ({@code CARDFLOW_MAX_UNPAID_ORDERS},
 *                           default 5), so nobody can freeze the shop's stock with orders never paid
 * @param trustedProxies     addresses or CIDRs of the reverse proxies whose {@code X-Forwarded-For} is
 *                           believed ({@code CARDFLOW_TRUSTED_PROXIES}, default loopback only)
 * @param failedLoginsPerMinute failed operator logins one client may make a minute (default 10)
 */
@ConfigurationProperties("cardflow")
public record ClientLimitsProperties(@DefaultValue("120") int rateLimitPerMinute,
                                     @DefaultValue("5") int maxUnpaidOrders,
                                     @DefaultValue({"127.0.0.0/8", "::1"}) java.util.List<String> trustedProxies,
                                     @DefaultValue("10") int failedLoginsPerMinute) {
}
