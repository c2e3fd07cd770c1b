package dev.cardflow.fulfilment.notification;

/** The port to the shop's mail service. */
public interface Mailer {

    /** No mail service (production without SMTP): buyers get no mail. */
    Mailer NONE = new Mailer() {
        @Override
        public void send(String to, String subject, String text) {
            throw new IllegalStateException("no mail service is configured");
        }

        @Override
        public boolean configured() {
            return false;
        }
    };

    /** Hands a message over for delivery; returns once the mail service accepted it. */
    void send(String to, String subject, String text);

    /** Whether there is a mail service to send through. */
    default boolean configured() {
        return true;
    }
}
