package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.coupon.ReturnCouponUse;
import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ReleaseStock;
import dev.cardflow.api.inventory.ReserveStock;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;

import java.time.Instant;
import java.util.Set;

/**
 * What the fulfilment process decides to do after an event or a deadline. Decisions are data: the
 * saga carries them out through a {@link Visitor}, and the audit matches each with the events that
 * prove it ({@link #provenBy()}). A new decision must say both, or it does not compile.
 */
public sealed interface Decision {

    /** The events that show this decision took effect. */
    Proof provenBy();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of decision; every command to an aggregate is a {@link Send}. */
    interface Visitor<R> {
        R send(Send send);

        R createPayment(CreatePayment d);

        R checkPayment(CheckPayment d);

        R cancelPayment(CancelPayment d);

        R expireUnlessPaid(ExpireUnlessPaid d);

        R refundPayment(RefundPayment d);

        R buyCardKeys(BuyCardKeys d);

        R schedule(Schedule d);

        R unschedule(Unschedule d);

        R end(End d);
    }

    /**
     * The events that prove a decision, one of them being enough; a {@code required} proof must show up
     * before the fulfilment ends, the others may be missing for good reasons (a race, a lost answer).
     */
    record Proof(Set<Class<?>> events, boolean required) {

        /** A decision that leaves no event of its own (a deadline, an end, a call that reports nothing). */
        public static final Proof NONE = new Proof(Set.of(), false);

        static Proof required(Class<?>... events) {
            return new Proof(Set.of(events), true);
        }

        static Proof expected(Class<?>... events) {
            return new Proof(Set.of(events), false);
        }

        public boolean leavesATrace() {
            return !events.isEmpty();
        }
    }

    /** Dispatch a command to an aggregate; one record per command the fulfilment sends. */
    sealed interface Send extends Decision {
        Object command();

        default <R> R accept(Visitor<R> visitor) {
            return visitor.send(this);
        }
    }

    /** Hold the order's keys in stock. */
    record HoldStock(ReserveStock command) implements Send {
        public Proof provenBy() {
            return Proof.required(StockReserved.class, StockReservationRejected.class);
        }
    }

    /** Give the order's held keys back to stock. */
    record FreeStock(ReleaseStock command) implements Send {
        public Proof provenBy() {
            return Proof.expected(StockReleased.class);
        }
    }

    /** Hand the held keys over to the order. */
    record IssueStock(IssueReservedStock command) implements Send {
        public Proof provenBy() {
            return Proof.required(StockIssued.class);
        }
    }

    /** Deliver the keys to the buyer. */
    record Deliver(DeliverOrder command) implements Send {
        public Proof provenBy() {
            return Proof.required(OrderDelivered.class);
        }
    }

    /** Give up on an order unless it was paid meanwhile (then the aggregate does nothing). */
    record CancelUnpaid(CancelUnpaidOrder command) implements Send {
        public Proof provenBy() {
            return Proof.expected(OrderCancelled.class);
        }
    }

    /** Start returning the buyer's money. */
    record AskRefund(RefundOrder command) implements Send {
        public Proof provenBy() {
            return Proof.required(RefundRequested.class);
        }
    }

    /** The provider would not refund: leave it to an operator. */
    record LeaveRefundToOperator(RecordRefundFailure command) implements Send {
        public Proof provenBy() {
            return Proof.required(RefundFailed.class);
        }
    }

    /**
     * Give the coupon use of an order cancelled unpaid back to its coupon. Its trace is in the coupon's own stream,
     * not the order's, so the order's audit expects none.
     */
    record GiveBackCoupon(ReturnCouponUse command) implements Send {
        public Proof provenBy() {
            return Proof.NONE;
        }
    }

    /** Take back a cancelled order that was paid late. */
    record Reinstate(ReinstateOrder command) implements Send {
        public Proof provenBy() {
            return Proof.required(OrderReinstated.class);
        }
    }

    /**
     * Ask the buyer's payment provider ({@code method}) for a payment of {@code amount} for
     * {@code quantity} × {@code description}, payable until {@code payBy}; its answer becomes {@code AwaitPayment}.
     */
    record CreatePayment(String orderId, String method, Money amount, int quantity, String description,
                         Instant payBy) implements Decision {
        public Proof provenBy() {
            return Proof.expected(PaymentRequested.class);
        }

        public <R> R accept(Visitor<R> v) {
            return v.createPayment(this);
        }
    }

    /** Ask the provider about the payment, in case its notification was lost; a success becomes {@code ConfirmPayment}. */
    record CheckPayment(String orderId, String method, String paymentId) implements Decision {
        public Proof provenBy() {
            return Proof.expected(PaymentConfirmed.class);
        }

        public <R> R accept(Visitor<R> v) {
            return v.checkPayment(this);
        }
    }

    /** The order was cancelled unpaid: close its payment at the provider, so that it can no longer be paid. */
    record CancelPayment(String orderId, String method, String paymentId) implements Decision {
        public Proof provenBy() {
            return Proof.NONE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.cancelPayment(this);
        }
    }

    /**
     * The time to pay is up: ask the PSP one last time, confirm the payment if it succeeded, and
     * otherwise (or if the PSP cannot be reached) cancel the order.
     */
    record ExpireUnlessPaid(String orderId, String method, String paymentId, String reason) implements Decision {
        public Proof provenBy() {
            return Proof.expected(OrderCancelled.class, PaymentConfirmed.class);
        }

        public <R> R accept(Visitor<R> v) {
            return v.expireUnlessPaid(this);
        }
    }

    /** Return the money at the provider; its acceptance becomes {@code ConfirmRefund}. */
    record RefundPayment(String orderId, String method, String paymentId, String refundId, Money amount)
            implements Decision {
        public Proof provenBy() {
            return Proof.expected(OrderRefunded.class);
        }

        public <R> R accept(Visitor<R> v) {
            return v.refundPayment(this);
        }
    }

    /**
     * Buy keys for an UPSTREAM product from the suppliers; the keys become {@code DeliverOrder}, a
     * failure {@code RecordCardPurchaseFailure}.
     */
    record BuyCardKeys(String orderId, String sku, int quantity, String requestId, int attempt, int maxAttempts)
            implements Decision {
        public Proof provenBy() {
            return Proof.expected(OrderDelivered.class, CardPurchaseFailed.class);
        }

        public <R> R accept(Visitor<R> v) {
            return v.buyCardKeys(this);
        }
    }

    /** Wake the process at {@code at} with the deadline {@code deadline}. */
    record Schedule(DeadlineSignal deadline, Instant at) implements Decision {
        public Proof provenBy() {
            return Proof.NONE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.schedule(this);
        }
    }

    /** Forget the deadline {@code deadline}. */
    record Unschedule(DeadlineSignal deadline) implements Decision {
        public Proof provenBy() {
            return Proof.NONE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.unschedule(this);
        }
    }

    /** The order is settled for good: the process ends. */
    record End() implements Decision {
        public Proof provenBy() {
            return Proof.NONE;
        }

        public <R> R accept(Visitor<R> v) {
            return v.end(this);
        }
    }
}
