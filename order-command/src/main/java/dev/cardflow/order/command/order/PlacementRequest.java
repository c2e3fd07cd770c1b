package dev.cardflow.order.command.order;

import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PlaceOrder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checked placement request and its fingerprint: two requests with the same fingerprint ask
 * for the same order (same product, quantity and email, whatever the JSON looks like).
 */
record PlacementRequest(String productId, int quantity, String email) {

    /**
     * The request's fields checked by {@link PlaceOrder}'s rules, before the product is looked up (which then caps
     * the quantity at its maxPerOrder).
     */
    static PlacementRequest validate(String productId, Integer quantity, String email) {
        return new PlacementRequest(PlaceOrder.checkedProductId(productId), PlaceOrder.checkedQuantity(quantity, PlaceOrder.LARGEST_QUANTITY),
                PlaceOrder.checkedEmail(email));
    }

    /** The fingerprint of this request paid with {@code paymentMethod}. */
    String fingerprint(String paymentMethod) {
        return fingerprint(paymentMethod, null, null);
    }

    /**
     * The fingerprint of this request paid with {@code paymentMethod}, with the buyer's field values and coupon (both
     * optional; without them the fingerprint is what it was before they existed).
     */
    String fingerprint(String paymentMethod, Map<String, String> fields, String couponCode) {
        String canonical = productId + "\n" + quantity + "\n" + email.toLowerCase(Locale.ROOT)
                + (PaymentMethods.SIMULATOR.equals(paymentMethod) ? "" : "\n" + paymentMethod)
                + (fields == null || fields.isEmpty() ? "" : "\nfields:" + new TreeMap<>(fields))
                + (couponCode == null ? "" : "\ncoupon:" + couponCode);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
