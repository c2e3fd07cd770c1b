package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;

import org.axonframework.serialization.Revision;

/**
 * A payment of {@code amount} succeeded after the order had been cancelled: the money must buy the
 * keys or go back. Revision 1 also carried what the order asked for; it is upcast.
 */
@Revision("2")
public record PaymentReceivedAfterCancellation(String orderId, String paymentId, String pspEventId, Money amount)
        implements OrderMessage {
}
