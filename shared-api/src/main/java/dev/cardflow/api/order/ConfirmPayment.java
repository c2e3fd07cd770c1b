package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Records the PSP's word that the order's payment succeeded; {@code pspEventId} makes a repeat harmless. */
public record ConfirmPayment(@TargetAggregateIdentifier String orderId, String paymentId, String pspEventId, Money amount) {
    public ConfirmPayment {
        text(orderId, "orderId");
        text(paymentId, "paymentId");
        text(pspEventId, "pspEventId");
        present(amount, "amount");
    }
}
