package dev.cardflow.fulfilment.process;

import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentCheckRequested;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundRequested;

/**
 * Everything the fulfilment reacts to: one record per event (wrapping it) and one for a deadline.
 * {@link FulfilmentRoutes} turns a stored event into its input; a {@link Visitor} must handle every
 * input, so a new record here is a compile error wherever inputs are handled until it is decided on.
 */
public sealed interface FulfilmentInput {

    <R> R accept(Visitor<R> visitor);

    /** Whether this input opens a fulfilment when none is running. */
    default boolean opens() {
        return false;
    }

    /** An input that opens a fulfilment when none is running (the saga starts on its event). */
    sealed interface Opening extends FulfilmentInput {
        @Override
        default boolean opens() {
            return true;
        }
    }

    /** One method per input: the compiler points at every handler when an input is added. */
    interface Visitor<R> {
        R placed(OrderPlaced e);

        R stockReserved(StockReserved e);

        R stockRejected(StockReservationRejected e);

        R paymentRequested(PaymentRequested e);

        R paymentConfirmed(PaymentConfirmed e);

        R paymentCheckRequested(PaymentCheckRequested e);

        R paidLate(PaymentReceivedAfterCancellation e);

        R reinstated(OrderReinstated e);

        R stockIssued(StockIssued e);

        R cardPurchaseFailed(CardPurchaseFailed e);

        R delivered(OrderDelivered e);

        R refundRequested(RefundRequested e);

        R refunded(OrderRefunded e);

        R cancelled(OrderCancelled e);

        R retryRequested(FulfilmentRetryRequested e);

        R deadline(DeadlineSignal signal);
    }

    record Placed(OrderPlaced event) implements Opening {
        public <R> R accept(Visitor<R> v) {
            return v.placed(event);
        }
    }

    record StockHeld(StockReserved event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.stockReserved(event);
        }
    }

    record StockRefused(StockReservationRejected event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.stockRejected(event);
        }
    }

    record PaymentCreated(PaymentRequested event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.paymentRequested(event);
        }
    }

    record Paid(PaymentConfirmed event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.paymentConfirmed(event);
        }
    }

    record CheckAsked(PaymentCheckRequested event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.paymentCheckRequested(event);
        }
    }

    record PaidLate(PaymentReceivedAfterCancellation event) implements Opening {
        public <R> R accept(Visitor<R> v) {
            return v.paidLate(event);
        }
    }

    record Reinstated(OrderReinstated event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.reinstated(event);
        }
    }

    record KeysIssued(StockIssued event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.stockIssued(event);
        }
    }

    record PurchaseFailed(CardPurchaseFailed event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.cardPurchaseFailed(event);
        }
    }

    record Delivered(OrderDelivered event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.delivered(event);
        }
    }

    record RefundAsked(RefundRequested event) implements Opening {
        public <R> R accept(Visitor<R> v) {
            return v.refundRequested(event);
        }
    }

    record Refunded(OrderRefunded event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.refunded(event);
        }
    }

    record Cancelled(OrderCancelled event) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.cancelled(event);
        }
    }

    record RetryAsked(FulfilmentRetryRequested event) implements Opening {
        public <R> R accept(Visitor<R> v) {
            return v.retryRequested(event);
        }
    }

    /** A persistent deadline fired. */
    record Deadline(DeadlineSignal signal) implements FulfilmentInput {
        public <R> R accept(Visitor<R> v) {
            return v.deadline(signal);
        }
    }
}
