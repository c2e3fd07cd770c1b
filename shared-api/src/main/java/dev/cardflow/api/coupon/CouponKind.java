package dev.cardflow.api.coupon;

/** How a coupon takes money off an order. */
public enum CouponKind {
    /** {@code value} percent of the order's amount. */
    PERCENT,
    /** {@code value} in the coupon's currency, at most the order's amount. */
    FIXED
}
