package dev.cardflow.api.order;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.cardflow.api.common.Require.*;

/**
 * Places an order for {@code quantity} keys of one product at the price the shop asks now.
 *
 * @param language   the buyer's language ({@link Languages}); {@code null} means English
 * @param fields     what the buyer filled in for a MANUAL product's buyer fields, by name; {@code null}: none
 * @param couponCode the coupon whose use the order took (normalised); {@code null}: none
 * @param discount   what the coupon takes off the order's amount (decided by the coupon); {@code null}: none
 */
public record PlaceOrder(@TargetAggregateIdentifier String orderId, String productId, String productName, int quantity, Money unitPrice,
                         ProductSource source, String sku, String email, String requestFingerprint,
                         String paymentMethod, String language, Map<String, String> fields, String couponCode,
                         Money discount, String queryPasswordHash) {

    /** The longest value a buyer may give in one buyer field. */
    public static final int MAX_FIELD_VALUE = 200;
    /** The least an order can cost, whatever the discount (in the currency's main unit). */
    public static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");

    /** The most keys of one product an order may ask for, unless the product sets its own maxPerOrder. */
    public static final int MAX_QUANTITY = 10;
    /** The most any product's maxPerOrder allows. */
    public static final int LARGEST_QUANTITY = 100;
    private static final int MAX_EMAIL = 254;
    // no whitespace and no control characters anywhere in an address
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
    private static final Pattern PRODUCT_ID = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    public PlaceOrder {
        text(orderId, "orderId");
        productId = checkedProductId(productId);
        text(productName, "productName");
        checkedQuantity(quantity, LARGEST_QUANTITY);
        present(unitPrice, "unitPrice");
        present(source, "source");
        email = checkedEmail(email);
        text(requestFingerprint, "requestFingerprint");
        text(paymentMethod, "paymentMethod");
        if (language != null) {
            language = Languages.of(language).orElseThrow(() -> new InvalidCommand("invalid-language", "language",
                    "language must be one of " + Languages.SUPPORTED + "."));
        }
        fields = checkedFields(fields);
        if (discount != null && !discount.currency().equals(unitPrice.currency())) {
            throw InvalidCommand.of("discount", "discount must be in the order's currency.");
        }
    }

    /** An order without a query password. */
    public PlaceOrder(String orderId, String productId, String productName, int quantity, Money unitPrice,
                      ProductSource source, String sku, String email, String requestFingerprint,
                      String paymentMethod, String language, Map<String, String> fields, String couponCode,
                      Money discount) {
        this(orderId, productId, productName, quantity, unitPrice, source, sku, email, requestFingerprint,
                paymentMethod, language, fields, couponCode, discount, null);
    }

    /** An order without buyer fields, coupon or query password. */
    public PlaceOrder(String orderId, String productId, String productName, int quantity, Money unitPrice,
                      ProductSource source, String sku, String email, String requestFingerprint,
                      String paymentMethod, String language) {
        this(orderId, productId, productName, quantity, unitPrice, source, sku, email, requestFingerprint,
                paymentMethod, language, null, null, null, null);
    }

    /** Buyer field values as a buyer may send them: each at most {@link #MAX_FIELD_VALUE} characters, stripped; empty ones dropped. */
    public static Map<String, String> checkedFields(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        Map<String, String> checked = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name == null || name.length() > 40) {
                throw new InvalidCommand("invalid-fields", "fields", "fields names a field this product does not ask.");
            }
            if (value == null || value.isBlank()) {
                return;
            }
            String stripped = value.strip();
            if (stripped.length() > MAX_FIELD_VALUE || stripped.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidCommand("invalid-fields", "fields." + name, "The value of " + name
                        + " must be at most " + MAX_FIELD_VALUE + " characters, without control characters.");
            }
            checked.put(name, stripped);
        });
        return checked.isEmpty() ? null : Map.copyOf(checked);
    }

    /** An order in English. */
    public PlaceOrder(String orderId, String productId, String productName, int quantity, Money unitPrice,
                      ProductSource source, String sku, String email, String requestFingerprint, String paymentMethod) {
        this(orderId, productId, productName, quantity, unitPrice, source, sku, email, requestFingerprint,
                paymentMethod, null);
    }

    /** A product id as a buyer may send it, stripped: at most 100 characters, none a control character. */
    public static String checkedProductId(String productId) {
        text(productId, "productId");
        if (!PRODUCT_ID.matcher(productId).matches()) {
            throw InvalidCommand.of("productId",
                    "productId must be at most 100 characters, none of them a control character.");
        }
        return productId.strip();
    }

    /** A quantity between 1 and {@link #MAX_QUANTITY}. */
    public static int checkedQuantity(Integer quantity) {
        return checkedQuantity(quantity, MAX_QUANTITY);
    }

    /** A quantity between 1 and {@code max} (a product's maxPerOrder). */
    public static int checkedQuantity(Integer quantity, int max) {
        present(quantity, "quantity");
        if (quantity < 1 || quantity > max) {
            throw new InvalidCommand("invalid-quantity", "quantity",
                    "quantity must be between 1 and " + max + ".");
        }
        return quantity;
    }

    /** An email address that mail can be sent to, stripped. */
    public static String checkedEmail(String email) {
        text(email, "email");
        String stripped = email.strip();
        if (stripped.length() > MAX_EMAIL || !EMAIL.matcher(stripped).matches()) {
            throw new InvalidCommand("invalid-email", "email", "email is not a valid email address.");
        }
        return stripped;
    }

    /** An order paid through the bundled simulator. */
    public PlaceOrder(String orderId, String productId, String productName, int quantity, Money unitPrice,
                      ProductSource source, String sku, String email, String requestFingerprint) {
        this(orderId, productId, productName, quantity, unitPrice, source, sku, email, requestFingerprint,
                PaymentMethods.SIMULATOR);
    }

    /** What the buyer pays: the price of the quantity less the coupon's discount, never below {@link #MIN_AMOUNT}. */
    public Money amount() {
        return discounted(unitPrice.times(quantity), discount);
    }

    /** {@code full} less {@code discount} (if any), never below {@link #MIN_AMOUNT}. */
    public static Money discounted(Money full, Money discount) {
        if (discount == null) {
            return full;
        }
        BigDecimal rest = full.amount().subtract(discount.amount());
        return new Money(rest.max(MIN_AMOUNT.setScale(full.amount().scale(), java.math.RoundingMode.UP)),
                full.currency());
    }
}
