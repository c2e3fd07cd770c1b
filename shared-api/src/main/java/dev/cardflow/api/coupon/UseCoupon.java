package dev.cardflow.api.coupon;

import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static dev.cardflow.api.common.Require.*;

/**
 * Takes one use of a coupon for an order of {@code fullAmount} (before any discount) of {@code productId}, at
 * {@code at}; answers a {@link CouponUse}. The same order asking again gets the same answer and takes no second use.
 */
public record UseCoupon(String code, String orderId, String productId, Money fullAmount, Instant at) {

    public UseCoupon {
        code = Coupons.normalised(code);
        text(orderId, "orderId");
        text(productId, "productId");
        present(fullAmount, "fullAmount");
        present(at, "at");
    }

    @TargetAggregateIdentifier
    public String couponId() {
        return Coupons.idOf(code);
    }
}
