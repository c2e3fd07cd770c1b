package dev.cardflow.infrastructure.alert;

/** A way to reach the operators: a webhook, e-mail, Telegram. A failure is thrown; the delivery tries again later. */
public interface AlertChannel {

    /** The channel's name in the API ({@code webhook}, {@code email}, {@code telegram}). */
    String name();

    void send(Alert alert);
}
