package dev.cardflow.api.coupon;

/** A coupon can no longer be used. */
public record CouponDisabled(String code) {
}
