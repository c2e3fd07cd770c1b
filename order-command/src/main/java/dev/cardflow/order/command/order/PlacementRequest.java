package dev.cardflow.order.command.order;

import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A checked placement request and its fingerprint: two requests with the same fingerprint ask
 * for the same order (same product, quantity and email, whatever the JSON looks like).
 */
record PlacementRequest(String productId, int quantity, String email) {

    // no whitespace and no control characters anywhere in an address
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
    private static final Pattern PRODUCT_ID = Pattern.compile("[^\\p{Cntrl}]{1,100}");
    private static final int MAX_EMAIL = 254;

    static PlacementRequest validate(String productId, Integer quantity, String email) {
        if (productId == null || productId.isBlank()) {
            throw ProblemException.badRequest("invalid-request", "productId is required.");
        }
        if (!PRODUCT_ID.matcher(productId).matches()) {
            throw ProblemException.badRequest("invalid-request",
                    "productId must be at most 100 characters, none of them a control character.");
        }
        if (quantity == null) {
            throw ProblemException.badRequest("invalid-request", "quantity is required.");
        }
        if (quantity < 1 || quantity > PlaceOrder.MAX_QUANTITY) {
            throw ProblemException.badRequest("invalid-quantity",
                    "quantity must be between 1 and " + PlaceOrder.MAX_QUANTITY + ".");
        }
        if (email == null || email.isBlank()) {
            throw ProblemException.badRequest("invalid-request", "email is required.");
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
            throw ProblemException.badRequest("invalid-email", "email is not a valid email address.");
        }
        return new PlacementRequest(productId.strip(), quantity, trimmed);
    }

    /** The fingerprint of this request paid with {@code paymentMethod}. */
    String fingerprint(String paymentMethod) {
        String canonical = productId + "\n" + quantity + "\n" + email.toLowerCase(Locale.ROOT)
                + (PaymentMethods.SIMULATOR.equals(paymentMethod) ? "" : "\n" + paymentMethod);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
