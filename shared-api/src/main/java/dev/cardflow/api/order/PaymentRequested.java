package dev.cardflow.api.order;

import java.time.Instant;

/** The PSP created the order's payment; the buyer can pay at {@code payUrl} until {@code expiresAt}. */
public record PaymentRequested(String orderId, String paymentId, String payUrl, Instant expiresAt) implements OrderMessage {}
