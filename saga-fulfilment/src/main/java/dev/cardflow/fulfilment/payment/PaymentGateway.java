package dev.cardflow.fulfilment.payment;

import dev.cardflow.api.common.Money;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The port to one payment provider, with one adapter per provider. Every call is idempotent on the
 * provider's side: asking again after a crash never creates a second payment or refund.
 */
public interface PaymentGateway {

    /** What a payment is for: {@code quantity} × {@code description} for {@code amount}, payable until {@code payBy}. */
    record PaymentRequest(String orderId, Money amount, int quantity, String description, Instant payBy) {
    }

    /** A payment the buyer can pay at {@code payUrl}; {@code paymentId} is the provider's id of it. */
    record CreatedPayment(String paymentId, String payUrl) {
    }

    /**
     * What the provider knows of a payment.
     *
     * @param paid              whether the buyer paid (also when it was refunded since)
     * @param amount            what was paid, when the provider says
     * @param reportedPaymentId the provider's own id where it differs from the order's (an EPay trade_no), else null
     */
    record PaymentState(String paymentId, boolean paid, Money amount, String reportedPaymentId) {
    }

    /** Creates (or, for the same order, finds) the order's payment. */
    CompletableFuture<CreatedPayment> createPayment(PaymentRequest request);

    CompletableFuture<PaymentState> paymentState(String orderId, String paymentId);

    /** Refunds {@code amount}; the same {@code refundId} never refunds twice. */
    CompletableFuture<Void> refund(String orderId, String paymentId, String refundId, Money amount);

    /** Closes an unpaid payment so that it can no longer be paid; nothing to do where a payment expires by itself. */
    default CompletableFuture<Void> cancel(String orderId, String paymentId) {
        return CompletableFuture.completedFuture(null);
    }
}
