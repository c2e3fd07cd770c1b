package dev.cardflow.fulfilment.process;

import java.time.Duration;

/**
 * The waits of the fulfilment process.
 *
 * @param paymentExpiry      how long a buyer has to pay before the order is cancelled
 * @param stepRetry          first wait before a step (payment creation, refund, key purchase) is tried again
 * @param stepRetryMax       the longest wait between two tries of a step
 * @param paymentCheck       first wait before the PSP is asked about a payment whose notification has not come
 * @param paymentCheckMax    the longest wait between two such questions
 */
public record FulfilmentTimings(Duration paymentExpiry, Duration stepRetry, Duration stepRetryMax,
                                Duration paymentCheck, Duration paymentCheckMax) {

    public static FulfilmentTimings defaults() {
        return new FulfilmentTimings(Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    Duration stepRetryAfter(int attempt) {
        return backoff(stepRetry, stepRetryMax, attempt);
    }

    Duration paymentCheckAfter(int attempt) {
        return backoff(paymentCheck, paymentCheckMax, attempt);
    }

    private static Duration backoff(Duration first, Duration max, int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
