package dev.cardflow.api.order;

import static dev.cardflow.api.common.Require.text;

/** Asks where an order stands; answered with an {@link OrderStatusView}. */
public record FindOrderStatus(String orderId) {

    public FindOrderStatus {
        text(orderId, "orderId");
    }
}
