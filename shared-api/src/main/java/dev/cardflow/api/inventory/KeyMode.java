package dev.cardflow.api.inventory;

/** How a POOL product's keys go out. */
public enum KeyMode {
    /** Every key is sold once (the default). */
    UNIQUE,
    /** One uploaded key (a site licence, a shared account) is delivered to every buyer; stock never runs out. */
    REUSABLE;

    /** The mode a product registered before there were modes has. */
    public static KeyMode orDefault(KeyMode mode) {
        return mode == null ? UNIQUE : mode;
    }
}
