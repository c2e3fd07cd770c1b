package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Where one order's fulfilment stands: the order's facts, which never change, and the stage it is
 * in, which carries only what means something in that stage.
 */
public record Fulfilment(OrderFacts order, Stage stage) {

    public String orderId() {
        return order.orderId();
    }

    Fulfilment at(Stage next) {
        return new Fulfilment(order, next);
    }

    /** Whether keys of this order are held in stock (so a cancellation or a refund must release them). */
    boolean holdsStock() {
        return order.isPool() && stage.holdsStock();
    }

    /** The step an order's fulfilment waits on, with what it needs to know there. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "name")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Stage.ReservingStock.class, name = "RESERVING_STOCK"),
            @JsonSubTypes.Type(value = Stage.CreatingPayment.class, name = "CREATING_PAYMENT"),
            @JsonSubTypes.Type(value = Stage.AwaitingPayment.class, name = "AWAITING_PAYMENT"),
            @JsonSubTypes.Type(value = Stage.IssuingKeys.class, name = "ISSUING_KEYS"),
            @JsonSubTypes.Type(value = Stage.ReservingForLatePayment.class, name = "RESERVING_FOR_LATE_PAYMENT"),
            @JsonSubTypes.Type(value = Stage.Reinstating.class, name = "REINSTATING"),
            @JsonSubTypes.Type(value = Stage.Refunding.class, name = "REFUNDING"),
            @JsonSubTypes.Type(value = Stage.RefundingByHand.class, name = "REFUNDING_BY_HAND"),
            @JsonSubTypes.Type(value = Stage.Settled.class, name = "SETTLED"),
            @JsonSubTypes.Type(value = Stage.AwaitingOperator.class, name = "AWAITING_OPERATOR")})
    public sealed interface Stage {

        <R> R accept(Visitor<R> visitor);

        /** Whether an order of stock held in the pool still holds it at this stage. */
        default boolean holdsStock() {
            return true;
        }

        /** Whether the buyer has not paid yet. */
        default boolean unpaid() {
            return false;
        }

        /** A stage before the buyer paid: the payment deadline still counts. */
        sealed interface Unpaid extends Stage {
            @Override
            default boolean unpaid() {
                return true;
            }
        }

        /** One method per stage: the compiler points at every place that must say what a new stage does. */
        interface Visitor<R> {
            R reservingStock(ReservingStock s);

            R creatingPayment(CreatingPayment s);

            R awaitingPayment(AwaitingPayment s);

            R issuingKeys(IssuingKeys s);

            R reservingForLatePayment(ReservingForLatePayment s);

            R reinstating(Reinstating s);

            R refunding(Refunding s);

            R refundingByHand(RefundingByHand s);

            R settled(Settled s);

            R awaitingOperator(AwaitingOperator s);
        }

        /** Stock is asked for; the buyer has until {@code payBy} to pay. */
        record ReservingStock(Instant payBy) implements Unpaid {
            public <R> R accept(Visitor<R> v) {
                return v.reservingStock(this);
            }
        }

        /** The provider is asked for a payment, try {@code attempts} + 1. */
        record CreatingPayment(Instant payBy, int attempts) implements Unpaid {
            public <R> R accept(Visitor<R> v) {
                return v.creatingPayment(this);
            }

            CreatingPayment nextAttempt() {
                return new CreatingPayment(payBy, attempts + 1);
            }
        }

        /**
         * The buyer can pay {@code paymentId}; {@code attempts} questions to the provider so far;
         * {@code expiring}: the time to pay is up and the provider is asked one last time.
         */
        record AwaitingPayment(Instant payBy, String paymentId, int attempts, boolean expiring) implements Unpaid {
            public <R> R accept(Visitor<R> v) {
                return v.awaitingPayment(this);
            }
        }

        /** Paid: the keys are issued (from stock) or bought (from the suppliers, try {@code attempts} + 1). */
        record IssuingKeys(int attempts) implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.issuingKeys(this);
            }
        }

        /** Paid after the order was cancelled: stock is asked for again. */
        record ReservingForLatePayment() implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.reservingForLatePayment(this);
            }
        }

        /** Paid late and stock (if any) is held again: the order is taken back. */
        record Reinstating() implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.reinstating(this);
            }
        }

        /**
         * {@code amount} paid as {@code paymentId} is returned at the provider, try {@code attempts} + 1;
         * both are {@code null} until the order has named them ({@code RefundRequested}).
         */
        record Refunding(String paymentId, Money amount, int attempts, boolean holdsStock) implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.refunding(this);
            }

            Refunding nextAttempt() {
                return new Refunding(paymentId, amount, attempts + 1, holdsStock);
            }
        }

        /** The provider would not refund: an operator refunds by hand and confirms it. */
        record RefundingByHand(String paymentId, Money amount) implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.refundingByHand(this);
            }

            public boolean holdsStock() {
                return false;
            }
        }

        /** Paid for a MANUAL product: an operator delivers by hand ({@code DeliverManually}); nothing is held. */
        record AwaitingOperator() implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.awaitingOperator(this);
            }

            public boolean holdsStock() {
                return false;
            }
        }

        /** Delivered, refunded or cancelled for good. */
        record Settled() implements Stage {
            public <R> R accept(Visitor<R> v) {
                return v.settled(this);
            }

            public boolean holdsStock() {
                return false;
            }
        }
    }
}
