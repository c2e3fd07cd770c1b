package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.limits.ClientLimits;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The buyer's door to one order: the order's access token, as a bearer header or (for links) a
 * {@code token} parameter. A wrong token reveals nothing and counts against the client's rate, so
 * guessing is slow.
 */
public class OrderAccess {

    private final AccessTokens tokens;
    private final ClientLimits limits;

    public OrderAccess(AccessTokens tokens, ClientLimits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    /** Refuses (404 order-not-found) unless the request carries this order's token. */
    public void require(String orderId, String authorization, String token, ServerHttpRequest http) {
        if (!tokens.isValid(orderId, bearer(authorization, token))) {
            limits.take("lookup", limits.clientKey(http));
            throw ProblemException.notFound("order-not-found", "There is no order " + orderId + " for this token.");
        }
    }

    private static String bearer(String authorization, String token) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return token;
    }
}
