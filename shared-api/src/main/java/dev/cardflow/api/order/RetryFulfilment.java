package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** An operator asks the fulfilment to try the order's current step again, now. */
public record RetryFulfilment(@TargetAggregateIdentifier String orderId) {

    public RetryFulfilment {
        text(orderId, "orderId");
    }
}
