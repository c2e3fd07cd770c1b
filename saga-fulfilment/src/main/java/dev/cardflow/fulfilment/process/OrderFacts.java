package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentMethods;

/**
 * What an order is, as it was placed: the facts the fulfilment acts on and never changes.
 *
 * @param amount        what the buyer is to pay
 * @param paymentMethod the provider the buyer pays through
 * @param productName   what the buyer sees on the provider's payment page ({@code null} in saga state
 *                      from before it was kept)
 * @param email         where the buyer is told ({@code null} in saga state from before it was kept)
 */
public record OrderFacts(String orderId, String productId, String productName, int quantity, Money amount,
                         ProductSource source, String sku, String email, String paymentMethod) {

    public OrderFacts {
        paymentMethod = PaymentMethods.orSimulator(paymentMethod);
    }

    public static OrderFacts of(OrderPlaced placed) {
        return new OrderFacts(placed.orderId(), placed.productId(), placed.productName(), placed.quantity(),
                placed.amount(), placed.source(), placed.sku(), placed.email(), placed.method());
    }

    public boolean isPool() {
        return source == ProductSource.POOL;
    }
}
