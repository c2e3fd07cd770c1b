package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/**
 * The mail service accepted a mail to the buyer.
 *
 * @param notificationId names the one mail: {@code delivered}, {@code refunded}, or {@code resent:<event id>}
 *                       for a mail an operator asked for; a repeat with the same id changes nothing
 * @param kind           {@code delivered}, {@code refunded} or {@code resent}
 */
public record RecordBuyerNotification(@TargetAggregateIdentifier String orderId, String notificationId, String kind) {

    public RecordBuyerNotification {
        text(orderId, "orderId");
        text(notificationId, "notificationId");
        text(kind, "kind");
    }
}
