package dev.cardflow.api.order;

/** One attempt to pay failed at the PSP; the order still waits for payment. */
public record PaymentFailed(String orderId, String paymentId, String pspEventId) implements OrderMessage {}
