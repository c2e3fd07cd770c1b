package dev.cardflow.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/**
 * Gives an order's use of a coupon back: the order was cancelled unpaid ({@code placementFailed} false), or its
 * placement failed after the use was taken ({@code placementFailed} true: the order never existed, and a retry of
 * the placement may take a use again). Without a use of that order it changes nothing.
 */
public record ReturnCouponUse(String code, String orderId, boolean placementFailed) {

    public ReturnCouponUse {
        code = Coupons.normalised(code);
        text(orderId, "orderId");
    }

    @TargetAggregateIdentifier
    public String couponId() {
        return Coupons.idOf(code);
    }
}
