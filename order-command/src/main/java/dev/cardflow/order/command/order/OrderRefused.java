package dev.cardflow.order.command.order;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.order.OrderStatus;

/** The refusals of the {@link Order} aggregate. */
public final class OrderRefused {

    private OrderRefused() {
    }

    /** The order's status does not allow what was asked. */
    public static final class TransitionNotAllowed extends DomainRefusal {
        public TransitionNotAllowed(String orderId, OrderStatus status, String action) {
            super(Refusal.Kind.CONFLICT, "order-status-conflict",
                    "Order " + orderId + " is " + status + " and cannot be " + action + ".");
        }
    }

    /** An Idempotency-Key came back with a different request than the one it placed. */
    public static final class IdempotencyKeyReused extends DomainRefusal {
        public IdempotencyKeyReused() {
            super(Refusal.Kind.CONFLICT, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different order request.");
        }
    }
}
