package dev.cardflow.fulfilment.notification;

/** The port to the shop's mail service. */
public interface Mailer {

    /** Hands a message over for delivery; returns once the mail service accepted it. */
    void send(String to, String subject, String text);
}
