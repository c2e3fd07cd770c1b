package dev.cardflow.api.order;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages of an order as the buyer sees them (API.md, "Order statuses"), and the moves between
 * them: the one transition table the {@code Order} aggregate consults before it changes status.
 */
public enum OrderStatus {
    PLACED, PENDING_PAYMENT, PAID, DELIVERED, CANCELLED, REFUNDING, REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        allow(PLACED, PENDING_PAYMENT, PAID, CANCELLED);
        allow(PENDING_PAYMENT, PAID, CANCELLED);
        allow(PAID, DELIVERED, REFUNDING);
        allow(DELIVERED, REFUNDING);
        // a payment that arrives after the cancellation reinstates the order or is refunded
        allow(CANCELLED, PAID, REFUNDING);
        allow(REFUNDING, REFUNDED);
        allow(REFUNDED);
    }

    private static void allow(OrderStatus from, OrderStatus... to) {
        EnumSet<OrderStatus> next = EnumSet.noneOf(OrderStatus.class);
        next.addAll(List.of(to));
        NEXT.put(from, Collections.unmodifiableSet(next));
    }

    /** The statuses an order in this one may move to; staying in the same status is never a move. */
    public Set<OrderStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    /** Nothing more happens to the order by itself (an operator or a late payment may still move it). */
    public boolean isTerminal() {
        return this == DELIVERED || this == CANCELLED || this == REFUNDED;
    }
}
