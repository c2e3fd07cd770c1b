package dev.cardflow.api.order;

/** The stages of an order as the buyer sees them (API.md, "Order statuses"). */
public enum OrderStatus {
    PLACED, PENDING_PAYMENT, PAID, DELIVERED, CANCELLED, REFUNDING, REFUNDED;

    public boolean isTerminal() {
        return this == DELIVERED || this == CANCELLED || this == REFUNDED;
    }
}
