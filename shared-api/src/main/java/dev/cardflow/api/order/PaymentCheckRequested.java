package dev.cardflow.api.order;

import java.time.Instant;

/** The order asks its payment provider now whether {@code paymentId} was paid, because the buyer said so. */
public record PaymentCheckRequested(String orderId, String paymentId, Instant requestedAt) implements OrderMessage {
}
