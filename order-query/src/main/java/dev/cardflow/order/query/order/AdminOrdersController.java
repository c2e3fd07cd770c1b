package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /admin/api/orders}: the operators' order list, newest first, filtered by status, time
 * in that status ({@code olderThan}), an order id or email ({@code q}) — or only the stuck ones.
 */
@RestController
public class AdminOrdersController {

    static final int MAX_PAGE_SIZE = 200;

    /** One page of orders. */
    public record OrderPage(int page, int size, List<OrderStatusView> orders) {
    }

    private final OrderStatusStore store;
    private final StuckOrders stuckOrders;
    private final Clock clock = Clock.systemUTC();

    public AdminOrdersController(OrderStatusStore store, StuckOrders stuckOrders) {
        this.store = store;
        this.stuckOrders = stuckOrders;
    }

    @GetMapping(path = "/admin/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<OrderPage> orders(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String olderThan,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "false") boolean stuck,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        OrderStatus wanted = parseStatus(status);
        Instant before = olderThan == null || olderThan.isBlank() ? null : clock.instant().minus(parseAge(olderThan));
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("invalid-page",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (stuck) {
            return Blocking.call(() -> new OrderPage(page, size, stuckOrders.list(page, size)));
        }
        return Blocking.call(() -> new OrderPage(page, size, store.list(wanted, before, q, page, size)));
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "Unknown order status " + status + ".");
        }
    }

    private static Duration parseAge(String olderThan) {
        try {
            Duration age = Duration.parse(olderThan.strip());
            if (age.isNegative()) {
                throw new DateTimeParseException("negative", olderThan, 0);
            }
            return age;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-duration",
                    "olderThan must be an ISO-8601 duration such as PT5M.");
        }
    }
}
