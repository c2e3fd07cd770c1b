package dev.cardflow.api.order;

/** The mail service accepted the mail {@code notificationId} to the buyer (see {@link RecordBuyerNotification}). */
public record BuyerNotified(String orderId, String notificationId, String kind) implements OrderMessage {
}
