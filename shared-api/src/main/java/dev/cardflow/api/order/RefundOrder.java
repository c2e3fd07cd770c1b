package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Starts returning the buyer's money for a paid order that will not be (or was wrongly) delivered. */
public record RefundOrder(@TargetAggregateIdentifier String orderId, String reason) {
    public RefundOrder {
        text(orderId, "orderId");
        text(reason, "reason");
    }
}
