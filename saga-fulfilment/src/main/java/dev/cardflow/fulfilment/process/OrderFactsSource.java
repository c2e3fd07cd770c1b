package dev.cardflow.fulfilment.process;

/** Where a fulfilment that starts after the order was placed finds what the order is (the order's own events). */
@FunctionalInterface
public interface OrderFactsSource {

    /** The order as its events tell it; {@link OrderSoFar#UNKNOWN} when there is no such order. */
    OrderSoFar order(String orderId);
}
