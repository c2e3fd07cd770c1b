package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.fulfilment.process.Fulfilment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage;
import dev.cardflow.fulfilment.process.OrderFacts;

import java.time.Instant;

/**
 * The saga state as it was stored before the stages had their own records (one flat record, the
 * stage an enum name). Sagas saved in that shape are still running in existing databases: they load
 * into this record and continue as a {@link Fulfilment}.
 */
record LegacyFulfilment(String orderId, String productId, int quantity, Money amount, ProductSource source,
                        String sku, String stage, Instant payBy, String paymentId, boolean stockRequested,
                        int attempts, boolean expiring, String paymentMethod, String productName) {

    Fulfilment toFulfilment() {
        OrderFacts order = new OrderFacts(orderId, productId, productName, quantity, amount, source, sku, null,
                paymentMethod);
        boolean holdsStock = source == ProductSource.POOL && stockRequested;
        Stage current = switch (stage) {
            case "RESERVING_STOCK" -> new Stage.ReservingStock(payBy);
            case "CREATING_PAYMENT" -> new Stage.CreatingPayment(payBy, attempts);
            case "AWAITING_PAYMENT" -> new Stage.AwaitingPayment(payBy, paymentId, attempts, expiring);
            case "ISSUING_KEYS" -> new Stage.IssuingKeys(attempts);
            case "RESERVING_FOR_LATE_PAYMENT" -> new Stage.ReservingForLatePayment();
            case "REINSTATING" -> new Stage.Reinstating();
            case "REFUNDING" -> new Stage.Refunding(paymentId, amount, attempts, holdsStock);
            case "REFUNDING_BY_HAND" -> new Stage.RefundingByHand(paymentId, amount);
            case "SETTLED" -> new Stage.Settled();
            default -> throw new IllegalStateException("unknown fulfilment stage " + stage + " of order " + orderId);
        };
        return new Fulfilment(order, current);
    }
}
