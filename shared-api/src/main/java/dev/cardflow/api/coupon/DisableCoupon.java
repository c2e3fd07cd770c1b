package dev.cardflow.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a coupon from being used by new orders; uses taken stay. */
public record DisableCoupon(String code) {

    public DisableCoupon {
        code = Coupons.normalised(code);
    }

    @TargetAggregateIdentifier
    public String couponId() {
        return Coupons.idOf(code);
    }
}
