package dev.cardflow.api.coupon;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static dev.cardflow.api.common.Require.*;

/**
 * Creates a coupon: {@code kind} and {@code value} say how much it takes off; the rest, all optional, when it
 * applies — in {@code currency} only (required for FIXED and with {@code minAmount}), to {@code productIds} only
 * (empty: every product), to orders of at least {@code minAmount}, {@code maxUses} times (null: without limit),
 * until {@code expiresAt}.
 */
public record CreateCoupon(String code, CouponKind kind, BigDecimal value, String currency, List<String> productIds,
                           BigDecimal minAmount, Integer maxUses, Instant expiresAt) {

    public static final int MAX_PRODUCTS = 100;

    public CreateCoupon {
        code = Coupons.normalised(code);
        present(kind, "kind");
        present(value, "value");
        if (value.signum() <= 0) {
            throw new InvalidCommand("invalid-coupon-value", "value", "value must be greater than zero.");
        }
        if (kind == CouponKind.PERCENT && (value.compareTo(BigDecimal.valueOf(100)) > 0
                || value.stripTrailingZeros().scale() > 2)) {
            throw new InvalidCommand("invalid-coupon-value", "value",
                    "A PERCENT coupon's value is a percentage above 0, at most 100, with at most 2 decimals.");
        }
        if (currency != null && currency.isBlank()) {
            currency = null;
        }
        if (kind == CouponKind.FIXED || minAmount != null) {
            text(currency, "currency");
        }
        if (currency != null) {
            currency = currency.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                if (kind == CouponKind.FIXED) {
                    new Money(value, currency);
                }
                if (minAmount != null) {
                    new Money(minAmount, currency);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidCommand("invalid-coupon-value", "currency", e.getMessage());
            }
        }
        productIds = productIds == null ? List.of() : productIds.stream().map(id -> text(id, "productIds", 100)).distinct().toList();
        if (productIds.size() > MAX_PRODUCTS) {
            throw InvalidCommand.of("productIds", "A coupon names at most " + MAX_PRODUCTS + " products.");
        }
        if (maxUses != null && maxUses < 1) {
            throw new InvalidCommand("invalid-max-uses", "maxUses", "maxUses must be at least 1 (or absent: no limit).");
        }
    }

    @TargetAggregateIdentifier
    public String couponId() {
        return Coupons.idOf(code);
    }
}
