package dev.cardflow.api.order;

/**
 * A message about one order, wherever it is stored: the order's own events and the inventory's
 * events for that order. Handlers that follow an order sequence its messages by this id.
 */
public interface OrderMessage {

    String orderId();
}
