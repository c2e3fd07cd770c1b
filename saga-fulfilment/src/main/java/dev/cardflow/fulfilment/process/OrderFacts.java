package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentMethods;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an order is, as it was placed: the facts the fulfilment acts on and never changes.
 *
 * @param amount        what the buyer is to pay
 * @param paymentMethod the provider the buyer pays through
 * @param productName   what the buyer sees on the provider's payment page ({@code null} in saga state
 *                      from before it was kept)
 * @param email         where the buyer is told ({@code null} in saga state from before it was kept)
 * @param couponCode    the coupon whose use the order holds ({@code null}: none, or saga state from before coupons)
 */
public record OrderFacts(String orderId, String productId, String productName, int quantity, Money amount,
                         ProductSource source, String sku, String email, String paymentMethod,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String couponCode) {

    public OrderFacts {
        paymentMethod = PaymentMethods.orSimulator(paymentMethod);
    }

    /** An order without a coupon. */
    public OrderFacts(String orderId, String productId, String productName, int quantity, Money amount,
                      ProductSource source, String sku, String email, String paymentMethod) {
        this(orderId, productId, productName, quantity, amount, source, sku, email, paymentMethod, null);
    }

    public static OrderFacts of(OrderPlaced placed) {
        return new OrderFacts(placed.orderId(), placed.productId(), placed.productName(), placed.quantity(),
                placed.amount(), placed.source(), placed.sku(), placed.email(), placed.method(), placed.couponCode());
    }

    public boolean isPool() {
        return source == ProductSource.POOL;
    }

    /** Delivered by an operator by hand: no stock, no supplier. */
    public boolean isManual() {
        return source == ProductSource.MANUAL;
    }
}
