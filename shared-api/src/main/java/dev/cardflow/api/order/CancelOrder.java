package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Cancels an order that has not been paid. */
public record CancelOrder(@TargetAggregateIdentifier String orderId, String reason) {
    public CancelOrder {
        text(orderId, "orderId");
        text(reason, "reason");
    }
}
