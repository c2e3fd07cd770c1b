package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** An operator sends the buyer of a delivered order its delivery notification again. */
public record ResendDeliveryNotification(@TargetAggregateIdentifier String orderId) {

    public ResendDeliveryNotification {
        text(orderId, "orderId");
    }
}
