package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** The fulfilment gives up on an order (payment overdue, out of stock): cancels it if, and only if, it is still unpaid. */
public record CancelUnpaidOrder(@TargetAggregateIdentifier String orderId, String reason) {

    public CancelUnpaidOrder {
        text(orderId, "orderId");
        text(reason, "reason");
    }
}
