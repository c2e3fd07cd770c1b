package dev.cardflow.order.command.coupon;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.common.Refusal;

/** The refusals of the {@link Coupon} aggregate. */
public final class CouponRefused {

    public static final String INVALID_COUPON = "invalid-coupon";

    private CouponRefused() {
    }

    /** The coupon cannot be used for this order: expired, disabled, used up, or not for this product or amount. */
    public static final class NotUsable extends DomainRefusal {
        public NotUsable(String code, String why) {
            super(new Refusal(Refusal.Kind.INVALID, INVALID_COUPON, "The coupon " + code + " " + why + ".",
                    "couponCode"));
        }
    }

    /** A coupon of this code exists already. */
    public static final class AlreadyExists extends DomainRefusal {
        public AlreadyExists(String code) {
            super(Refusal.Kind.CONFLICT, "coupon-exists", "A coupon with the code " + code + " exists already.");
        }
    }
}
