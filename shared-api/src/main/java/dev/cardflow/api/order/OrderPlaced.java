package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

/**
 * An order was accepted; nothing is reserved or charged yet.
 *
 * @param paymentMethod the provider the buyer chose; {@code null} in events from before there was a choice
 *                      (the simulator): read it through {@link #method()}
 */
public record OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                          ProductSource source, String sku, String email, String requestFingerprint,
                          String paymentMethod) implements OrderMessage {

    /** An order paid through the bundled simulator. */
    public OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                       ProductSource source, String sku, String email, String requestFingerprint) {
        this(orderId, productId, productName, quantity, unitPrice, amount, source, sku, email, requestFingerprint,
                PaymentMethods.SIMULATOR);
    }

    public String method() {
        return PaymentMethods.orSimulator(paymentMethod);
    }
}
