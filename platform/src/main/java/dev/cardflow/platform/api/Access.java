package dev.cardflow.platform.api;

/** Who may call an operation, and so which security scheme and which refusals of access it documents. */
enum Access {
    /** Anyone: the shop's public pages and API. */
    PUBLIC,
    /** The buyer holding the order's access token (or a client the order page gave it to). */
    ORDER_TOKEN,
    /** A payment provider: its notifications carry the provider's own signature. */
    PROVIDER,
    /** Any operator account (OPERATOR or ADMIN): reads and the order compensations. */
    OPERATOR,
    /** An ADMIN operator: the catalogue, the accounts, the projections. */
    ADMIN;

    boolean operators() {
        return this == OPERATOR || this == ADMIN;
    }
}
