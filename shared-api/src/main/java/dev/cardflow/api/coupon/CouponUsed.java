package dev.cardflow.api.coupon;

import dev.cardflow.api.common.Money;

/** An order took one use of a coupon, which takes {@code discount} off its amount. */
public record CouponUsed(String code, String orderId, Money discount) {
}
