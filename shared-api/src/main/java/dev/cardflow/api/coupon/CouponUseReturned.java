package dev.cardflow.api.coupon;

/** An order's use of a coupon came back (see {@link ReturnCouponUse}); the coupon can be used once more. */
public record CouponUseReturned(String code, String orderId, boolean placementFailed) {
}
