package dev.cardflow.api.order;

/** The buyer of a delivered order is to be told (again) where to find the keys. */
public record DeliveryNotificationRequested(String orderId, String email) implements OrderMessage {
}
