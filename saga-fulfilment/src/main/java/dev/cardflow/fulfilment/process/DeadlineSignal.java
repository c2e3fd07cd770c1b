package dev.cardflow.fulfilment.process;

import java.util.Arrays;
import java.util.Optional;

/** The fulfilment's persistent deadlines; {@link #deadlineName()} is how each is stored with the saga. */
public enum DeadlineSignal {

    /** The buyer's time to pay is up. */
    PAYMENT_EXPIRY("payment-expiry"),
    /** The payment was asked for but not yet created: ask again. */
    PAYMENT_CREATION_RETRY("payment-creation-retry"),
    /** No word from the PSP yet: ask it about the payment. */
    PAYMENT_CHECK("payment-check"),
    /** The refund was sent but not yet accepted: send it again. */
    REFUND_RETRY("refund-retry"),
    /** The keys were ordered from the suppliers but not yet delivered: order them again. */
    CARD_PURCHASE_RETRY("card-purchase-retry");

    private final String deadlineName;

    DeadlineSignal(String deadlineName) {
        this.deadlineName = deadlineName;
    }

    public String deadlineName() {
        return deadlineName;
    }

    /** The signal of a stored deadline; empty for a name the fulfilment no longer uses. */
    public static Optional<DeadlineSignal> named(String deadlineName) {
        return Arrays.stream(values()).filter(s -> s.deadlineName.equals(deadlineName)).findFirst();
    }
}
