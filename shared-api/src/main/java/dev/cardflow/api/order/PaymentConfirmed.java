package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;

/** The buyer's payment succeeded at the PSP. */
public record PaymentConfirmed(String orderId, String paymentId, String pspEventId, Money amount) implements OrderMessage {}
