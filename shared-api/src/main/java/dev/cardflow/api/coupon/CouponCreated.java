package dev.cardflow.api.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A coupon exists, with the rules {@link CreateCoupon} describes. */
public record CouponCreated(String code, CouponKind kind, BigDecimal value, String currency, List<String> productIds,
                            BigDecimal minAmount, Integer maxUses, Instant expiresAt) {
}
