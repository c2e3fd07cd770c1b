package dev.cardflow.api.order;

import org.axonframework.serialization.Revision;

/**
 * An operator asked for the order's current step to be tried again. It names only where the order
 * stands; a fulfilment that starts from it reads the order's facts from the order's own events.
 * Revision 1 also carried a snapshot of the order (product, amount, payment, …); it is upcast.
 */
@Revision("2")
public record FulfilmentRetryRequested(String orderId, OrderStatus status) implements OrderMessage {
}
