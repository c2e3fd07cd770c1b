package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.infrastructure.limits.ClientLimits;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.QueryPasswords;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.LocalServer;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/orders/lookup}: a buyer who lost the link finds their orders again by e-mail and
 * the query password chosen at checkout. An unknown e-mail and a wrong password get the same empty
 * answer after the same kind of work (one bcrypt check at least), and every look-up counts against
 * the client's allowance of look-ups, like a guessed access token.
 */
@RestController
public class OrderLookupController {

    /** The newest orders of one e-mail compared with the password; each comparison costs a bcrypt check. */
    static final int MAX_CANDIDATES = 30;

    /** What the buyer sends. */
    public record LookupRequest(String email, String queryPassword) {
    }

    /** One order found, with the link to its page. */
    public record FoundOrder(String orderId, OrderStatus status, String productName, Instant placedAt, String link) {
    }

    private final OrderStatusStore store;
    private final AccessTokens tokens;
    private final ClientLimits limits;
    private final Environment environment;

    public OrderLookupController(OrderStatusStore store, AccessTokens tokens, ClientLimits limits,
                                 Environment environment) {
        this.store = store;
        this.tokens = tokens;
        this.limits = limits;
        this.environment = environment;
    }

    @PostMapping(path = "/api/orders/lookup", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<List<FoundOrder>>> lookup(@RequestBody LookupRequest request, ServerHttpRequest http) {
        limits.take("lookup", limits.clientKey(http));
        if (request.email() == null || request.email().isBlank() || request.email().length() > 320) {
            throw ProblemException.badRequest("invalid-email", "email is required.");
        }
        if (request.queryPassword() == null || request.queryPassword().isEmpty()
                || request.queryPassword().length() > 4 * QueryPasswords.MAX_LENGTH) {
            throw ProblemException.badRequest("invalid-query-password", "queryPassword is required.");
        }
        return Blocking.call(() -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(find(request.email().strip(), request.queryPassword())));
    }

    private List<FoundOrder> find(String email, String password) {
        List<OrderStatusStore.Findable> candidates = store.withQueryPassword(email, MAX_CANDIDATES);
        if (candidates.isEmpty()) {
            QueryPasswords.dummyCheck(password);
            return List.of();
        }
        List<FoundOrder> found = new ArrayList<>();
        for (OrderStatusStore.Findable order : candidates) {
            if (QueryPasswords.matches(password, order.queryPasswordHash())) {
                found.add(new FoundOrder(order.orderId(), order.status(), order.productName(), order.placedAt(),
                        link(order.orderId())));
            }
        }
        return found;
    }

    /** The order's page with its access token, as in the buyer's mail. */
    private String link(String orderId) {
        String base = LocalServer.url(environment, environment.getProperty("cardflow.public-url"), "");
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/orders/" + orderId + "?token=" + URLEncoder.encode(tokens.issue(orderId), StandardCharsets.UTF_8);
    }
}
