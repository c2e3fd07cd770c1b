package dev.cardflow.fulfilment.process;

import java.time.Duration;

/**
 * The waits and budgets of the fulfilment process.
 *
 * @param paymentExpiry        how long a buyer has to pay before the order is cancelled
 * @param stepRetry            first wait before a step (payment creation, refund, key purchase) is tried again
 * @param stepRetryMax         the longest wait between two tries of a step
 * @param paymentCheck         first wait before the PSP is asked about a payment it has not reported
 * @param paymentCheckMax      the longest wait between two such questions
 * @param cardPurchaseAttempts how many times the suppliers are asked for an order's keys before it is refunded
 * @param stepTimeout          how long the process waits for the answer of one call before it asks again
 * @param refundAttempts       how many times the provider is asked to refund before an operator must do it by hand
 */
public record FulfilmentTimings(Duration paymentExpiry, Duration stepRetry, Duration stepRetryMax,
                                Duration paymentCheck, Duration paymentCheckMax, int cardPurchaseAttempts,
                                Duration stepTimeout, int refundAttempts) {

    public FulfilmentTimings {
        if (cardPurchaseAttempts < 1) {
            throw new IllegalArgumentException("cardPurchaseAttempts must be at least 1");
        }
        if (refundAttempts < 1) {
            throw new IllegalArgumentException("refundAttempts must be at least 1");
        }
    }

    public static FulfilmentTimings defaults() {
        return new FulfilmentTimings(Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(10), Duration.ofMinutes(2), 5, Duration.ofMinutes(1), 8);
    }

    /** The wait before try {@code attempt + 1} of a step: doubling from {@code stepRetry}, capped. */
    Duration stepRetryAfter(int attempt) {
        return backoff(stepRetry, stepRetryMax, attempt);
    }

    /** The wait before the PSP is asked about an unreported payment for the {@code attempt + 1}th time. */
    Duration paymentCheckAfter(int attempt) {
        return backoff(paymentCheck, paymentCheckMax, attempt);
    }

    private static Duration backoff(Duration first, Duration max, int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
