package dev.cardflow.api.coupon;

import dev.cardflow.api.common.InvalidCommand;

import java.util.Locale;
import java.util.regex.Pattern;

/** A coupon's code as the shop and the buyer write it, and the aggregate id it stands for. */
public final class Coupons {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,40}");
    private static final String ID_PREFIX = "coupon:";

    private Coupons() {
    }

    /** {@code code} stripped and in capitals (codes are case-insensitive); refused unless 3..40 letters, digits, '_', '-'. */
    public static String normalised(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidCommand("invalid-coupon", "couponCode", "couponCode is required.");
        }
        String normal = code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normal).matches()) {
            throw new InvalidCommand("invalid-coupon", "couponCode",
                    "A coupon code is 3 to 40 letters, digits, '_' or '-'.");
        }
        return normal;
    }

    /** The id of the Coupon aggregate of a normalised code (prefixed: no order's or product's id can be it). */
    public static String idOf(String code) {
        return ID_PREFIX + code;
    }
}
