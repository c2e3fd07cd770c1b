package dev.cardflow.fulfilment.alert;

import dev.cardflow.api.inventory.ProductStockLow;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.infrastructure.alert.AlertKind;
import dev.cardflow.infrastructure.alert.Alerts;
import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Tells the operators what the event stream shows needs them: a refund the platform started on its own
 * ({@code order-refunded}; an operator's own refund is not news to them), a refund the provider would not make
 * ({@code refund-failed}), a product whose stock fell to its threshold ({@code low-stock}). A processor of its own,
 * starting at the head of the stream: it never holds up an order, and raising never throws.
 */
@ProcessingGroup(OperatorAlerts.PROCESSING_GROUP)
@DisallowReplay
public class OperatorAlerts {

    public static final String PROCESSING_GROUP = "operator-alerts";

    private final Alerts alerts;

    public OperatorAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @EventHandler
    void on(RefundRequested event, @MetaDataValue(Origin.ORIGIN) String origin) {
        if (Origin.OPERATOR_ACTION.equals(origin)) {
            return;
        }
        alerts.raise(AlertKind.ORDER_REFUNDED, event.orderId(), "Order " + event.orderId() + " is being refunded "
                + "automatically (" + event.amount().plain() + " " + event.amount().currency() + "): "
                + event.reason(), orderLink(event.orderId()));
    }

    @EventHandler
    void on(RefundFailed event) {
        alerts.raise(AlertKind.REFUND_FAILED, event.orderId(), "The provider did not refund order " + event.orderId()
                + " after " + event.attempts() + " tries (" + event.reason() + "): refund it by hand, then confirm "
                + "the refund in the console.", orderLink(event.orderId()));
    }

    @EventHandler
    void on(ProductStockLow event) {
        String product = event.productName() == null ? "Product " + event.productId()
                : event.productName() + " (" + event.productId() + ")";
        alerts.raise(AlertKind.LOW_STOCK, event.productId(), product + " has " + event.available()
                + " card key(s) left (its threshold is " + event.threshold() + "): upload more.", "/admin/#products");
    }

    private static String orderLink(String orderId) {
        return "/admin/#order/" + orderId;
    }
}
