package dev.cardflow.api.order;

/** Attempt {@code attempt} of {@code maxAttempts} to buy the order's keys from the suppliers failed. */
public record CardPurchaseFailed(String orderId, int attempt, int maxAttempts, String reason)
        implements OrderMessage {
}
