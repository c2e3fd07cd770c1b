package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When an order should reach its next stage, from how long that stage took for recent orders (the
 * median over the last 200 that went through it, refreshed every 30 seconds). While the order
 * waits for the buyer to pay, or is settled, there is nothing honest to estimate.
 */
@Component
public class CompletionEstimates {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Duration MINIMUM_AHEAD = Duration.ofSeconds(1);

    /** A stage we work through: from the timeline entry that opens it to the one that closes it. */
    private record Stage(OrderStatus status, String from, String to, Duration fallback) {
    }

    private static final Map<OrderStatus, Stage> STAGES = Map.of(
            OrderStatus.PLACED, new Stage(OrderStatus.PLACED, "placed", "awaiting-payment", Duration.ofSeconds(2)),
            OrderStatus.PAID, new Stage(OrderStatus.PAID, "payment-confirmed", "delivered", Duration.ofSeconds(3)),
            OrderStatus.REFUNDING, new Stage(OrderStatus.REFUNDING, "refunding", "refunded", Duration.ofSeconds(5)));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Map<OrderStatus, Duration> typical = new EnumMap<>(OrderStatus.class);
    private volatile Instant refreshedAt = Instant.EPOCH;

    @Autowired
    public CompletionEstimates(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    CompletionEstimates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The expected end of the order's current stage, or {@code null} when it waits on the buyer or is done. */
    public Instant estimate(OrderStatusView view) {
        Stage stage = STAGES.get(view.status());
        if (stage == null) {
            return null;
        }
        Instant now = clock.instant();
        refreshIfStale(now);
        Instant expected = view.statusSince().plus(typical.getOrDefault(stage.status(), stage.fallback()));
        Instant soonest = now.plus(MINIMUM_AHEAD);
        return expected.isAfter(soonest) ? expected : soonest;
    }

    /** The typical duration of each stage we work through, as last measured. */
    public Map<OrderStatus, Duration> typicalDurations() {
        refreshIfStale(clock.instant());
        return Map.copyOf(typical);
    }

    private void refreshIfStale(Instant now) {
        if (Duration.between(refreshedAt, now).compareTo(REFRESH) < 0 || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<OrderStatus, Duration> measured = new EnumMap<>(OrderStatus.class);
            STAGES.values().forEach(stage -> {
                Double seconds = jdbc.queryForObject("""
                        select percentile_cont(0.5) within group (order by extract(epoch from (closed - opened)))
                        from (select (select (e->>'at')::timestamptz from jsonb_array_elements(timeline) e
                                      where e->>'code' = ? limit 1) opened,
                                     (select (e->>'at')::timestamptz from jsonb_array_elements(timeline) e
                                      where e->>'code' = ? limit 1) closed
                              from order_status
                              where timeline @> jsonb_build_array(jsonb_build_object('code', ?::text))
                              order by updated_at desc limit 200) stage
                        where opened is not null and closed is not null""",
                        Double.class, stage.from(), stage.to(), stage.to());
                if (seconds != null) {
                    measured.put(stage.status(), Duration.ofMillis(Math.round(seconds * 1000)));
                }
            });
            typical = measured;
            refreshedAt = now;
        } finally {
            refreshing.set(false);
        }
    }
}
