package dev.cardflow.fulfilment.payment;

import dev.cardflow.api.common.Money;

import java.util.concurrent.CompletableFuture;

/** The port to the payment service provider. Every call is idempotent on the PSP's side. */
public interface PaymentGateway {

    /** A payment the buyer can pay at {@code payUrl}. */
    record CreatedPayment(String paymentId, String payUrl) {
    }

    /** What the PSP knows of a payment: {@code PENDING}, {@code SUCCEEDED}, {@code FAILED} or {@code REFUNDED}. */
    record PaymentState(String paymentId, String merchantOrderId, String status, Money amount) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(status) || "REFUNDED".equals(status);
        }
    }

    /** Creates (or, for the same order, finds) the order's payment. */
    CompletableFuture<CreatedPayment> createPayment(String orderId, Money amount);

    CompletableFuture<PaymentState> paymentState(String paymentId);

    /** Refunds {@code amount}; the same {@code refundId} never refunds twice. */
    CompletableFuture<Void> refund(String paymentId, String refundId, Money amount);
}
