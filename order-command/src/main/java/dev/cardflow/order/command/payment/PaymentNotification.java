package dev.cardflow.order.command.payment;

import java.math.BigDecimal;

/** What the PSP reports about a payment (API.md, "Payment service provider"). */
public record PaymentNotification(String eventId, String paymentId, String merchantOrderId, String status,
                                  BigDecimal amount, String currency) {
}
