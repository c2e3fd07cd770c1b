package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.infrastructure.jdbc.ChangeNotifications;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;

/**
 * The orders as the buyer's page polls them, kept in memory between their changes: a poll of an order that did not
 * change since the last one is answered without PostgreSQL. Every write of the order-status projection (on any
 * instance) announces the order it changed ({@link ChangeNotifications}, channel {@value #CHANNEL}), and this
 * instance forgets that order when the change commits; while it cannot hear the announcements, it forgets everything
 * and reads every poll from the table. A read that raced with a change is never kept: a change replaces the order's
 * entry, and a read is stored only in the very entry it started from.
 */
public class OrderViews implements SmartLifecycle {

    public static final String CHANNEL = "cardflow_order_status";
    private static final Duration UNUSED = Duration.ofMinutes(10);

    /** What is known of an order: its view, or {@code null} (read it). Compared by identity, never by value. */
    private static final class Entry {
        private final OrderStatusView view;

        Entry(OrderStatusView view) {
            this.view = view;
        }
    }

    private final OrderStatusStore store;
    private final Cache<String, Entry> entries;
    private final ChangeNotifications notifications;

    /** Keeps up to {@code size} orders (the least recently polled go first); 0 reads every poll from the table. */
    public OrderViews(OrderStatusStore store, DataSource dataSource, int size) {
        this.store = store;
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(size, 0)).expireAfterAccess(UNUSED).build();
        this.notifications = size > 0
                ? new ChangeNotifications(dataSource, CHANNEL, this::changed, entries::invalidateAll)
                : null;
    }

    /** The order's view: from memory if it did not change since it was read, from the table otherwise. */
    public Optional<OrderStatusView> find(String orderId) {
        if (notifications == null || !notifications.listening()) {
            return store.find(orderId);
        }
        Entry known = entries.asMap().computeIfAbsent(orderId, id -> new Entry(null));
        if (known.view != null) {
            return Optional.of(known.view);
        }
        Optional<OrderStatusView> read = store.find(orderId);
        read.ifPresent(view -> entries.asMap().computeIfPresent(orderId, (id, now) -> now == known ? new Entry(view) : now));
        return read;
    }

    /** The order changed (announced after its commit): its next poll reads it again. */
    void changed(String orderId) {
        entries.asMap().computeIfPresent(orderId, (id, known) -> new Entry(null));
    }

    @Override
    public void start() {
        if (notifications != null) {
            notifications.start();
        }
    }

    @Override
    public void stop() {
        if (notifications != null) {
            notifications.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return notifications != null && notifications.isRunning();
    }
}
