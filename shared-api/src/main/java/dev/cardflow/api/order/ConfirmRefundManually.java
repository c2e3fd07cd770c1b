package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.operatorText;
import static dev.cardflow.api.common.Require.text;

/** An operator refunded the order by hand at the provider and records it; the order is then refunded. */
public record ConfirmRefundManually(@TargetAggregateIdentifier String orderId, String note) {
    public ConfirmRefundManually {
        text(orderId, "orderId");
        note = operatorText(note, "note");
    }
}
