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

    /** A provider reported a payment that is not the order's own (another order's, another provider's, unknown). */
    public static final class PaymentNotOurs extends DomainRefusal {
        public static final String CODE = "payment-not-ours";

        public PaymentNotOurs(String orderId, String method, String paymentId) {
            super(Refusal.Kind.CONFLICT, CODE,
                    "Payment " + paymentId + " at " + method + " is not the payment of order " + orderId + ".");
        }
    }

    /** An Idempotency-Key came back with a different request than the one it placed. */
    public static final class IdempotencyKeyReused extends DomainRefusal {
        public IdempotencyKeyReused() {
            super(Refusal.Kind.CONFLICT, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different order request.");
        }
    }

    /** A delivery by hand was asked of an order whose product is not delivered by hand. */
    public static final class NotManual extends DomainRefusal {
        public NotManual(String orderId) {
            super(Refusal.Kind.CONFLICT, "not-a-manual-order",
                    "Order " + orderId + " is not for a MANUAL product; its keys are delivered automatically.");
        }
    }
}
