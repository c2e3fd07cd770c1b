package dev.cardflow.api.order;

/**
 * The provider did not refund the order within the retry budget (many EPay gateways cannot refund at
 * all); the order stays {@code REFUNDING} until an operator refunds by hand and confirms it.
 */
public record RefundFailed(String orderId, int attempts, String reason) implements OrderMessage {
}
