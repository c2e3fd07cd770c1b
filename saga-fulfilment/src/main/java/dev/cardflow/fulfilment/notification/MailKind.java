package dev.cardflow.fulfilment.notification;

/** The mails a buyer gets about an order: its delivery (again when an operator asks) and its refund. */
public enum MailKind {
    DELIVERED("delivered", "delivered"),
    RESENT("resent", "delivered"),
    REFUNDED("refunded", "refunded");

    private final String code;
    private final String template;

    MailKind(String code, String template) {
        this.code = code;
        this.template = template;
    }

    /** The name on the order's timeline. */
    public String code() {
        return code;
    }

    /** The template's key prefix: a resent delivery mail is the delivery mail again. */
    String template() {
        return template;
    }
}
