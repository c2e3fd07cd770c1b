package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * An order was accepted; nothing is reserved or charged yet.
 *
 * @param paymentMethod the provider the buyer chose; {@code null} in events from before there was a choice
 *                      (the simulator): read it through {@link #method()}
 * @param language      the buyer's language ({@link Languages}); {@code null} in events from before it was kept,
 *                      and left out of their JSON so their stored form and hash-chain digests stay as they were:
 *                      read it through {@link #languageOrDefault()}
 * @param fields        the buyer's values of a MANUAL product's buyer fields; {@code null} (and absent) otherwise
 * @param couponCode    the coupon the order used; {@code null} (and absent) without one
 * @param discount      what the coupon took off; {@code amount} is already after it; {@code null} (and absent) without one
 * @param queryPasswordHash a salted hash of the buyer's query password (never the password); {@code null} when
 *                      the buyer chose none, and then left out of the JSON like {@code language}
 */
public record OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                          ProductSource source, String sku, String email, String requestFingerprint,
                          String paymentMethod,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String language,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> fields,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String couponCode,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Money discount,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String queryPasswordHash)
        implements OrderMessage {

    /** An order without a query password. */
    public OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                       ProductSource source, String sku, String email, String requestFingerprint,
                       String paymentMethod, String language, Map<String, String> fields, String couponCode,
                       Money discount) {
        this(orderId, productId, productName, quantity, unitPrice, amount, source, sku, email, requestFingerprint,
                paymentMethod, language, fields, couponCode, discount, null);
    }

    /** An order without buyer fields, coupon or query password. */
    public OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                       ProductSource source, String sku, String email, String requestFingerprint,
                       String paymentMethod, String language) {
        this(orderId, productId, productName, quantity, unitPrice, amount, source, sku, email, requestFingerprint,
                paymentMethod, language, null, null, null, null);
    }

    /** An order placed without a language (English). */
    public OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                       ProductSource source, String sku, String email, String requestFingerprint,
                       String paymentMethod) {
        this(orderId, productId, productName, quantity, unitPrice, amount, source, sku, email, requestFingerprint,
                paymentMethod, null);
    }

    /** An order paid through the bundled simulator. */
    public OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                       ProductSource source, String sku, String email, String requestFingerprint) {
        this(orderId, productId, productName, quantity, unitPrice, amount, source, sku, email, requestFingerprint,
                PaymentMethods.SIMULATOR);
    }

    public String method() {
        return PaymentMethods.orSimulator(paymentMethod);
    }

    public String languageOrDefault() {
        return Languages.of(language).orElse(Languages.ENGLISH);
    }
}
