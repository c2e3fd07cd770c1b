package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Takes back a cancelled order whose payment arrived late, now that its stock is reserved again. */
public record ReinstateOrder(@TargetAggregateIdentifier String orderId) {
    public ReinstateOrder {
        text(orderId, "orderId");
    }
}
