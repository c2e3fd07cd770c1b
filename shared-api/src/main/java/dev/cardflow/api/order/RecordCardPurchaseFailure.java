package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** Records that an attempt to buy the order's keys from the card suppliers failed. */
public record RecordCardPurchaseFailure(@TargetAggregateIdentifier String orderId, int attempt, int maxAttempts,
                                        String reason) {

    public RecordCardPurchaseFailure {
        text(orderId, "orderId");
        text(reason, "reason");
        if (attempt < 1 || maxAttempts < attempt) {
            throw new IllegalArgumentException("attempt must be between 1 and maxAttempts");
        }
    }
}
