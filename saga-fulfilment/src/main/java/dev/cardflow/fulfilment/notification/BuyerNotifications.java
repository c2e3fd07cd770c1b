package dev.cardflow.fulfilment.notification;

import dev.cardflow.api.order.DeliveryNotificationRequested;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.fulfilment.OrderPages;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the buyer of a delivered order where the keys are — a link with the order's access token,
 * never the keys themselves — on delivery and whenever an operator asks again. A mail service
 * that keeps failing parks the notification in the dead-letter queue.
 */
@ProcessingGroup(BuyerNotifications.PROCESSING_GROUP)
@DisallowReplay
public class BuyerNotifications {

    public static final String PROCESSING_GROUP = "buyer-notifications";
    private static final Logger log = LoggerFactory.getLogger(BuyerNotifications.class);

    private final Mailer mailer;
    private final OrderPages pages;

    public BuyerNotifications(Mailer mailer, OrderPages pages) {
        this.mailer = mailer;
        this.pages = pages;
    }

    @EventHandler
    void on(OrderDelivered event) {
        notify(event.orderId(), event.email());
    }

    @EventHandler
    void on(DeliveryNotificationRequested event) {
        notify(event.orderId(), event.email());
    }

    private void notify(String orderId, String email) {
        String link = pages.orderPage(orderId);
        mailer.send(email, "Your card keys are ready (order " + orderId.substring(0, 8) + ")",
                "Your order " + orderId + " is delivered. Your card keys are waiting for you at:\n" + link
                        + "\n\nKeep this link private: anyone who has it can see your keys.");
        log.info("Order {}: delivery notification handed to the mail service", orderId);
    }
}
