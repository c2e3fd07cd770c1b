package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.runtime.LruMaps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The order's stages as metrics, timed from the order's own events (their timestamps, so a slow
 * processor does not stretch them): {@code cardflow.order.stage{stage}}, {@code cardflow.orders.settled{status}}
 * and {@code cardflow.payment.notification.delay{via}}. Its processor starts at the head of the event
 * stream and never replays: metrics are about what happens while the platform runs, and a history
 * replayed into them would count every old order again.
 * <p>
 * The times a stage starts from (placed, asked to pay, paid) are remembered as their events pass, for
 * the most recent orders; only an order this processor has not seen from its placement (placed before
 * the platform started, or forgotten) is read from the event store. Were the processor's segment to
 * move to another instance and back while an order is in flight, a stage of that order could be timed
 * from what this instance saw: a metric's approximation, never an order's.
 */
@Component
@ProcessingGroup(OrderStageMetrics.PROCESSING_GROUP)
@DisallowReplay
public class OrderStageMetrics {

    public static final String PROCESSING_GROUP = "order-metrics";
    public static final String STAGE = "cardflow.order.stage";
    public static final String SETTLED = "cardflow.orders.settled";
    public static final String NOTIFICATION_DELAY = "cardflow.payment.notification.delay";

    public static final String PLACED_TO_PAYABLE = "placed-to-payable";
    public static final String PAID_TO_DELIVERED = "paid-to-delivered";
    public static final String PLACED_TO_SETTLED = "placed-to-settled";

    /** Histogram buckets: from a fast automatic step to the longest a buyer may take to pay and beyond. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)};

    /** How many orders' start times are remembered; older ones are read from the event store again. */
    static final int REMEMBERED_ORDERS = 50_000;

    private final EventStore events;
    private final MeterRegistry meters;
    private final Map<String, History> recent = LruMaps.leastRecentlyUsed(REMEMBERED_ORDERS);

    public OrderStageMetrics(EventStore events, MeterRegistry meters) {
        this.events = events;
        this.meters = meters;
        // the series exist from the start, so dashboards and alerts see zeros rather than nothing
        for (String stage : new String[]{PLACED_TO_PAYABLE, PAID_TO_DELIVERED, PLACED_TO_SETTLED}) {
            stage(stage);
        }
        for (OrderStatus status : new OrderStatus[]{OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.REFUNDED}) {
            settledCounter(status);
        }
    }

    @EventHandler
    void on(OrderPlaced e, @Timestamp Instant at) {
        recent.put(e.orderId(), new History(at, null, null));
    }

    @EventHandler
    void on(PaymentRequested e, @Timestamp Instant at, @SequenceNumber Long sequence) {
        History history = history(e.orderId(), sequence);
        // a payment created again (after a failed attempt) is not the order becoming payable
        if (history.paymentRequested == null && history.placed != null) {
            stage(PLACED_TO_PAYABLE).record(between(history.placed, at));
        }
        recent.put(e.orderId(), new History(history.placed, at, history.paid));
    }

    @EventHandler
    void on(PaymentConfirmed e, @Timestamp Instant at, @SequenceNumber Long sequence,
            @MetaDataValue(Origin.ORIGIN) String origin) {
        History history = notificationDelay(e.orderId(), at, sequence, origin);
        recent.put(e.orderId(), new History(history.placed, history.paymentRequested, at));
    }

    @EventHandler
    void on(OrderReinstated e, @Timestamp Instant at, @SequenceNumber Long sequence) {
        History history = history(e.orderId(), sequence);
        recent.put(e.orderId(), new History(history.placed, history.paymentRequested, at));
    }

    @EventHandler
    void on(PaymentReceivedAfterCancellation e, @Timestamp Instant at, @SequenceNumber Long sequence,
            @MetaDataValue(Origin.ORIGIN) String origin) {
        notificationDelay(e.orderId(), at, sequence, origin);
    }

    @EventHandler
    void on(OrderDelivered e, @Timestamp Instant at, @SequenceNumber Long sequence) {
        History history = history(e.orderId(), sequence);
        if (history.paid != null) {
            stage(PAID_TO_DELIVERED).record(between(history.paid, at));
        }
        settled(OrderStatus.DELIVERED, history, at);
    }

    @EventHandler
    void on(OrderCancelled e, @Timestamp Instant at, @SequenceNumber Long sequence) {
        settled(OrderStatus.CANCELLED, history(e.orderId(), sequence), at);
    }

    @EventHandler
    void on(OrderRefunded e, @Timestamp Instant at, @SequenceNumber Long sequence) {
        settled(OrderStatus.REFUNDED, history(e.orderId(), sequence), at);
    }

    /** From the payment's creation (the last {@code PaymentRequested}) to the order recording it as paid. */
    private History notificationDelay(String orderId, Instant at, Long sequence, String origin) {
        History history = history(orderId, sequence);
        if (history.paymentRequested != null) {
            Timer.builder(NOTIFICATION_DELAY)
                    .description("From a payment's creation to the platform recording that it was paid")
                    .tag("via", via(origin))
                    .serviceLevelObjectives(BUCKETS)
                    .register(meters)
                    .record(between(history.paymentRequested, at));
        }
        return history;
    }

    private static String via(String origin) {
        if (Origin.PSP_NOTIFICATION.equals(origin)) {
            return "notification";
        }
        if (Origin.PSP_STATUS_CHECK.equals(origin)) {
            return "status-check";
        }
        return Origin.OPERATOR_ACTION.equals(origin) ? "operator" : "other";
    }

    private void settled(OrderStatus status, History history, Instant at) {
        settledCounter(status).increment();
        if (history.placed != null) {
            stage(PLACED_TO_SETTLED).record(between(history.placed, at));
        }
    }

    private Counter settledCounter(OrderStatus status) {
        return Counter.builder(SETTLED)
                .description("Orders that reached a terminal status, by that status")
                .tag("status", status.name())
                .register(meters);
    }

    private Timer stage(String stage) {
        return Timer.builder(STAGE)
                .description("Time an order took from the start to the end of a stage")
                .tag("stage", stage)
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
    }

    private static Duration between(Instant from, Instant to) {
        // instances' clocks may differ slightly behind Axon Server
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** When the order was placed, last asked to pay and last became paid, before the event at {@code sequence}. */
    private History history(String orderId, Long sequence) {
        History remembered = recent.get(orderId);
        return remembered != null ? remembered : recent.computeIfAbsent(orderId, id -> stored(id, sequence));
    }

    private History stored(String orderId, Long sequence) {
        Instant placed = null;
        Instant paymentRequested = null;
        Instant paid = null;
        Iterator<? extends DomainEventMessage<?>> stream = events.readEvents(orderId).asStream().iterator();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (sequence != null && event.getSequenceNumber() >= sequence) {
                break;
            }
            Class<?> type = event.getPayloadType();
            if (type == OrderPlaced.class) {
                placed = event.getTimestamp();
            } else if (type == PaymentRequested.class) {
                paymentRequested = event.getTimestamp();
            } else if (type == PaymentConfirmed.class || type == OrderReinstated.class) {
                paid = event.getTimestamp();
            }
        }
        return new History(placed, paymentRequested, paid);
    }

    /** The times an order's stages start from; {@code null} for what has not happened (yet). */
    private record History(Instant placed, Instant paymentRequested, Instant paid) {
    }
}
