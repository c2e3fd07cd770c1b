package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Places an order for {@code quantity} keys of one product at the price the shop asks now. */
public record PlaceOrder(@TargetAggregateIdentifier String orderId, String productId, String productName, int quantity, Money unitPrice,
                         ProductSource source, String sku, String email, String requestFingerprint,
                         String paymentMethod) {

    public static final int MAX_QUANTITY = 10;

    public PlaceOrder {
        text(orderId, "orderId");
        text(productId, "productId");
        text(productName, "productName");
        present(unitPrice, "unitPrice");
        present(source, "source");
        text(email, "email");
        text(requestFingerprint, "requestFingerprint");
        text(paymentMethod, "paymentMethod");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY);
        }
    }

    /** An order paid through the bundled simulator. */
    public PlaceOrder(String orderId, String productId, String productName, int quantity, Money unitPrice,
                      ProductSource source, String sku, String email, String requestFingerprint) {
        this(orderId, productId, productName, quantity, unitPrice, source, sku, email, requestFingerprint,
                PaymentMethods.SIMULATOR);
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }
}
