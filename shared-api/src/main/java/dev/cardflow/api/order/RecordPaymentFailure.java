package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Records the PSP's word that an attempt to pay the order failed; the buyer may still pay until expiry. */
public record RecordPaymentFailure(@TargetAggregateIdentifier String orderId, String paymentId, String pspEventId) {
    public RecordPaymentFailure {
        text(orderId, "orderId");
        text(paymentId, "paymentId");
        text(pspEventId, "pspEventId");
    }
}
