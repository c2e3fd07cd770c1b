package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Orders that sit in one status longer than that status should take, so an operator finds them
 * before the buyer writes: listed by {@code GET /admin/api/orders?stuck=true} and counted in the
 * gauge {@code cardflow.orders.stuck{status}} (refreshed at most every 30 seconds).
 */
@Component
public class StuckOrders {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    /**
     * How long each status may last before an order counts as stuck.
     *
     * @param placed         reserving stock and creating the payment (default PT2M)
     * @param pendingPayment waiting for the buyer; longer than the payment expiry (default PT20M)
     * @param paid           issuing and delivering the keys (default PT5M)
     * @param refunding      returning the money (default PT15M)
     */
    @ConfigurationProperties("cardflow.stuck")
    public record Thresholds(@DefaultValue("PT2M") Duration placed, @DefaultValue("PT20M") Duration pendingPayment,
                             @DefaultValue("PT5M") Duration paid, @DefaultValue("PT15M") Duration refunding) {

        Map<OrderStatus, Duration> byStatus() {
            Map<OrderStatus, Duration> limits = new EnumMap<>(OrderStatus.class);
            limits.put(OrderStatus.PLACED, placed);
            limits.put(OrderStatus.PENDING_PAYMENT, pendingPayment);
            limits.put(OrderStatus.PAID, paid);
            limits.put(OrderStatus.REFUNDING, refunding);
            return limits;
        }
    }

    private final OrderStatusStore store;
    private final Map<OrderStatus, Duration> limits;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<OrderStatus, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.EPOCH;

    public StuckOrders(OrderStatusStore store, Thresholds thresholds, MeterRegistry meters) {
        this.store = store;
        this.limits = thresholds.byStatus();
        limits.keySet().forEach(status -> Gauge.builder("cardflow.orders.stuck", () -> count(status))
                .description("Orders in this status for longer than its threshold")
                .tag("status", status.name())
                .register(meters));
    }

    /** The stuck orders, longest stuck first. */
    public List<OrderStatusView> list(int page, int size) {
        return store.stuck(cutoffs(), page, size);
    }

    private long count(OrderStatus status) {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(REFRESH) > 0) {
            counts = store.countStuck(cutoffs());
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }

    private Map<OrderStatus, Instant> cutoffs() {
        Instant now = clock.instant();
        Map<OrderStatus, Instant> cutoffs = new EnumMap<>(OrderStatus.class);
        limits.forEach((status, limit) -> cutoffs.put(status, now.minus(limit)));
        return cutoffs;
    }
}
