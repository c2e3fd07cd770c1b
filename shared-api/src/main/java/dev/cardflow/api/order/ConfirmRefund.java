package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Records that the PSP accepted the order's refund. */
public record ConfirmRefund(@TargetAggregateIdentifier String orderId, String refundId) {
    public ConfirmRefund {
        text(orderId, "orderId");
        text(refundId, "refundId");
    }
}
