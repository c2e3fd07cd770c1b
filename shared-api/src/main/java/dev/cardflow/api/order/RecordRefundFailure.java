package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** The fulfilment gave up refunding at the provider: an operator must refund by hand and confirm it. */
public record RecordRefundFailure(@TargetAggregateIdentifier String orderId, int attempts, String reason) {
    public RecordRefundFailure {
        text(orderId, "orderId");
        text(reason, "reason");
    }
}
