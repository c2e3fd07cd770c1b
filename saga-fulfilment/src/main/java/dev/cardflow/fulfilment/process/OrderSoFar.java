package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundRequested;

import java.time.Instant;

/**
 * An order as its own events tell it, for a fulfilment that starts after the order was placed (a
 * late payment, a refund, an operator's retry): its facts and its latest payment.
 *
 * @param paymentId the payment the order knows of, {@code null} before one was created
 * @param payBy     until when the buyer may pay, {@code null} before a payment was created
 * @param paid      what the buyer paid, {@code null} while unpaid
 */
public record OrderSoFar(OrderFacts facts, String paymentId, Instant payBy, Money paid) {

    /** Nothing known yet of an order: the start of {@link #with(Object)}. */
    public static final OrderSoFar UNKNOWN = new OrderSoFar(null, null, null, null);

    /** This order after {@code event}, one of its own events in the order they happened. */
    public OrderSoFar with(Object event) {
        if (event instanceof OrderPlaced e) {
            return new OrderSoFar(OrderFacts.of(e), paymentId, payBy, paid);
        }
        if (event instanceof PaymentRequested e) {
            return new OrderSoFar(facts, e.paymentId(), e.expiresAt(), paid);
        }
        if (event instanceof PaymentConfirmed e) {
            return new OrderSoFar(facts, e.paymentId(), payBy, e.amount());
        }
        if (event instanceof PaymentReceivedAfterCancellation e) {
            return new OrderSoFar(facts, e.paymentId(), payBy, e.amount());
        }
        if (event instanceof RefundRequested e) {
            return new OrderSoFar(facts, e.paymentId(), payBy, e.amount());
        }
        return this;
    }

    public boolean known() {
        return facts != null;
    }
}
