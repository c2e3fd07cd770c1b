package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

/**
 * A payment succeeded after the order had been cancelled: the money must buy the keys or go back.
 * It carries what the order asked for, since the fulfilment starts over from this event.
 */
public record PaymentReceivedAfterCancellation(String orderId, String paymentId, String pspEventId, Money amount,
                                               String productId, int quantity, ProductSource source, String sku,
                                               Money orderAmount, String paymentMethod) implements OrderMessage {

    /** A late payment made through the bundled simulator. */
    public PaymentReceivedAfterCancellation(String orderId, String paymentId, String pspEventId, Money amount,
                                            String productId, int quantity, ProductSource source, String sku,
                                            Money orderAmount) {
        this(orderId, paymentId, pspEventId, amount, productId, quantity, source, sku, orderAmount,
                PaymentMethods.SIMULATOR);
    }

    public String method() {
        return PaymentMethods.orSimulator(paymentMethod);
    }
}
