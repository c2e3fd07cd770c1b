package dev.cardflow.fulfilment.process;

/** The names of the fulfilment's persistent deadlines. */
public final class Deadlines {

    /** The buyer's time to pay is up. */
    public static final String PAYMENT_EXPIRY = "payment-expiry";
    /** The payment was asked for but not yet created: ask again. */
    public static final String PAYMENT_CREATION_RETRY = "payment-creation-retry";
    /** No word from the PSP yet: ask it about the payment. */
    public static final String PAYMENT_CHECK = "payment-check";
    /** The refund was sent but not yet accepted: send it again. */
    public static final String REFUND_RETRY = "refund-retry";
    /** The keys were ordered from the suppliers but not yet delivered: order them again. */
    public static final String CARD_PURCHASE_RETRY = "card-purchase-retry";

    private Deadlines() {
    }
}
