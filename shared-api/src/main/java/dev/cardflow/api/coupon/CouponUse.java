package dev.cardflow.api.coupon;

import dev.cardflow.api.common.Money;

/**
 * The answer to {@link UseCoupon}: what the coupon takes off the order, and whether this request took the use
 * ({@code false}: the order had it already, or had it and gave it back when it was cancelled).
 */
public record CouponUse(String code, Money discount, boolean fresh) {
}
