package dev.cardflow.fulfilment.notification;

import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a mail about an order needs, as the order's own events tell it.
 *
 * @param keys     the delivered keys, sealed; empty before delivery
 * @param notified the mails the mail service already took ({@link BuyerNotified}): never sent again
 */
public record MailableOrder(String orderId, String email, String productName, String language,
                            List<SealedCardKey> keys, Set<String> notified) {

    /** The order after its events, oldest first; {@code null} when they do not begin with its placement. */
    public static MailableOrder of(List<?> events) {
        if (events.isEmpty() || !(events.get(0) instanceof OrderPlaced placed)) {
            return null;
        }
        List<SealedCardKey> keys = List.of();
        Set<String> notified = new HashSet<>();
        for (Object event : events) {
            if (event instanceof OrderDelivered delivered) {
                keys = delivered.cardKeys();
            } else if (event instanceof BuyerNotified sent) {
                notified.add(sent.notificationId());
            }
        }
        return new MailableOrder(placed.orderId(), placed.email(), placed.productName(), placed.languageOrDefault(),
                keys, Set.copyOf(notified));
    }
}
