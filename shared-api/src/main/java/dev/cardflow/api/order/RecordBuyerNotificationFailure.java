package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** A mail to the buyer could not be handed to the mail service yet; it is tried again. */
public record RecordBuyerNotificationFailure(@TargetAggregateIdentifier String orderId, String notificationId,
                                             String kind, String reason) {

    public RecordBuyerNotificationFailure {
        text(orderId, "orderId");
        text(notificationId, "notificationId");
        text(kind, "kind");
        text(reason, "reason");
    }
}
