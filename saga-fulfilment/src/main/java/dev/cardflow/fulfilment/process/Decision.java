package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;

import java.time.Instant;

/**
 * What the fulfilment process decides to do after an event or a deadline. Decisions are data: the
 * saga carries them out, and the audit compares them with what the event history shows.
 */
public sealed interface Decision {

    /** Dispatch a command to an aggregate. */
    record Send(Object command) implements Decision {
    }

    /**
     * Ask the buyer's payment provider ({@code method}) for a payment of {@code amount} for
     * {@code quantity} × {@code description}, payable until {@code payBy}; its answer becomes {@code AwaitPayment}.
     */
    record CreatePayment(String orderId, String method, Money amount, int quantity, String description,
                         Instant payBy) implements Decision {
    }

    /** Ask the provider about the payment, in case its notification was lost; a success becomes {@code ConfirmPayment}. */
    record CheckPayment(String orderId, String method, String paymentId) implements Decision {
    }

    /** The order was cancelled unpaid: close its payment at the provider, so that it can no longer be paid. */
    record CancelPayment(String orderId, String method, String paymentId) implements Decision {
    }

    /**
     * The time to pay is up: ask the PSP one last time, confirm the payment if it succeeded, and
     * otherwise (or if the PSP cannot be reached) cancel the order.
     */
    record ExpireUnlessPaid(String orderId, String method, String paymentId, String reason) implements Decision {
    }

    /** Return the money at the provider; its acceptance becomes {@code ConfirmRefund}. */
    record RefundPayment(String orderId, String method, String paymentId, String refundId, Money amount)
            implements Decision {
    }

    /**
     * Buy keys for an UPSTREAM product from the suppliers; the keys become {@code DeliverOrder}, a
     * failure {@code RecordCardPurchaseFailure}.
     */
    record BuyCardKeys(String orderId, String sku, int quantity, String requestId, int attempt, int maxAttempts)
            implements Decision {
    }

    /** Wake the process at {@code at} with the deadline {@code name}. */
    record Schedule(String name, Instant at) implements Decision {
    }

    /** Forget the deadline {@code name}. */
    record Unschedule(String name) implements Decision {
    }

    /** The order is settled for good: the process ends. */
    record End() implements Decision {
    }
}
