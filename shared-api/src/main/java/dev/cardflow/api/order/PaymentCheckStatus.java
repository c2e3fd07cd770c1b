package dev.cardflow.api.order;

import java.time.Instant;

/**
 * What a payment check request found: whether the order still waits for its payment, and since when
 * the buyer has been asking (null when never, or when nothing is left to check).
 */
public record PaymentCheckStatus(boolean awaitingPayment, Instant firstRequestedAt) {

    public static final PaymentCheckStatus NOTHING_TO_CHECK = new PaymentCheckStatus(false, null);
}
