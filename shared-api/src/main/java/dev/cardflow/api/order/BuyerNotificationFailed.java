package dev.cardflow.api.order;

/** A mail to the buyer failed for the first time; it is retried until the mail service takes it. */
public record BuyerNotificationFailed(String orderId, String notificationId, String kind, String reason)
        implements OrderMessage {
}
