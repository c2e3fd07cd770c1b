package dev.cardflow.order.command.payment;

import dev.cardflow.api.common.Money;

/**
 * What a provider's authentic notification says about a payment, in the platform's words.
 *
 * @param method            the provider ({@code simulator}, {@code stripe}, {@code epay})
 * @param eventId           the notification's id at the provider: a repeat carries the same one
 * @param orderId           the order the provider names
 * @param paymentId         the payment as the order knows it
 * @param reportedPaymentId the provider's own id of the payment where it differs (an EPay trade_no), or null
 * @param outcome           what happened to the payment
 * @param amount            what was paid, when the provider says
 */
public record PaymentReport(String method, String eventId, String orderId, String paymentId,
                            String reportedPaymentId, Outcome outcome, Money amount) {

    /** What a notification can say about a payment. */
    public enum Outcome {
        /** the buyer paid */
        SUCCEEDED,
        /** an attempt to pay failed; the buyer may try again */
        FAILED,
        /** nothing the order acts on (a pending, expired or refunded payment) */
        OTHER
    }
}
