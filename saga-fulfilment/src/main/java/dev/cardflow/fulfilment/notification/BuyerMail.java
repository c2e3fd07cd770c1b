package dev.cardflow.fulfilment.notification;

/** A mail to a buyer, rendered in the order's language. */
public record BuyerMail(String subject, String text) {
}
