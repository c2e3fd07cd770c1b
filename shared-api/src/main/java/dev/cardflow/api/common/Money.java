package dev.cardflow.api.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount of money in one ISO-4217 currency, kept at the currency's minor-unit scale. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency: " + currency);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        int scale = Math.max(iso.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    "amount " + amount.toPlainString() + " has more than " + scale + " decimals for " + currency);
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** The same amount in minor units (cents, fen; yen have none, Kuwaiti dinars three). */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    /** {@code minor} units of {@code currency} (any case), e.g. 990 EUR is 9.90. */
    public static Money ofMinorUnits(long minor, String currency) {
        String iso = currency.toUpperCase(java.util.Locale.ROOT);
        int digits = Math.max(Currency.getInstance(iso).getDefaultFractionDigits(), 0);
        return new Money(BigDecimal.valueOf(minor, digits), iso);
    }

    /** The amount as the API writes it, e.g. {@code "9.90"}. */
    public String plain() {
        return amount.toPlainString();
    }
}
