package dev.cardflow.fulfilment.notification;

import dev.cardflow.api.order.DeliveryNotificationRequested;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.RecordBuyerNotification;
import dev.cardflow.api.order.RecordBuyerNotificationFailure;
import dev.cardflow.fulfilment.OrderPages;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.security.CardKeyCipher;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Mails the buyer once when the order is delivered (again only when an operator asks) and once when
 * it is refunded, in the order's language, and records each mail on the order ({@code notification-sent})
 * before the event counts as handled. A mail already recorded is never sent again, so a redelivered
 * event sends nothing twice; a mail the
 * mail service refuses is recorded once ({@code notification-failed}) and parked in the dead-letter
 * queue, from which {@link MailRetries} tries it again until it goes out.
 */
@ProcessingGroup(BuyerNotifications.PROCESSING_GROUP)
@DisallowReplay
public class BuyerNotifications {

    public static final String PROCESSING_GROUP = "buyer-notifications";
    private static final Logger log = LoggerFactory.getLogger(BuyerNotifications.class);
    private static final int MAX_REASON = 200;

    private final Mailer mailer;
    private final MailTemplates templates;
    private final MailableOrders orders;
    private final OrderPages pages;
    private final CommandGateway commands;
    private final CardKeyCipher cipher;
    private final boolean includeKeys;
    private final Executor recording;

    /**
     * @param recording runs the commands that record a mail, each in a transaction of its own (not the
     *                  processor's): the record stands as soon as the mail went out, whatever happens to the
     *                  processor's batch afterwards
     */
    public BuyerNotifications(Mailer mailer, MailTemplates templates, MailableOrders orders, OrderPages pages,
                              CommandGateway commands, CardKeyCipher cipher, boolean includeKeys, Executor recording) {
        this.mailer = mailer;
        this.templates = templates;
        this.orders = orders;
        this.pages = pages;
        this.commands = commands;
        this.cipher = cipher;
        this.includeKeys = includeKeys;
        this.recording = recording;
    }

    @EventHandler
    void on(OrderDelivered event) {
        mail(event.orderId(), MailKind.DELIVERED, MailKind.DELIVERED.code());
    }

    /** Each request of an operator is a mail of its own, named by the request's event. */
    @EventHandler
    void on(DeliveryNotificationRequested event, EventMessage<?> message) {
        mail(event.orderId(), MailKind.RESENT, MailKind.RESENT.code() + ":" + message.getIdentifier());
    }

    @EventHandler
    void on(OrderRefunded event) {
        mail(event.orderId(), MailKind.REFUNDED, MailKind.REFUNDED.code());
    }

    private void mail(String orderId, MailKind kind, String notificationId) {
        if (!mailer.configured()) {
            return;
        }
        MailableOrder order = orders.find(orderId).orElse(null);
        if (order == null) {
            log.warn("Order {}: no placement found, no {} mail", orderId, kind.code());
            return;
        }
        // recorded already: a redelivered event, or a retry after the mail went out but its record failed
        if (!order.notified().contains(notificationId)) {
            BuyerMail mail = templates.render(kind, order.language(), order.productName(), orderId,
                    pages.orderPage(orderId), keys(order, kind));
            try {
                mailer.send(order.email(), mail.subject(), mail.text());
            } catch (RuntimeException e) {
                recordFailure(orderId, kind, notificationId, e);
                throw e;
            }
            log.info("Order {}: {} mail handed to the mail service", orderId, kind.code());
        }
        record(new RecordBuyerNotification(orderId, notificationId, kind.code()));
    }

    /** Sends {@code command} in the chain of the event being handled (its correlation and trace ids). */
    private void record(Object command) {
        Map<String, Object> chain = new HashMap<>();
        if (CurrentUnitOfWork.isStarted()) {
            chain.putAll(CurrentUnitOfWork.get().getCorrelationData());
        }
        chain.put(Origin.ORIGIN, Origin.NOTIFICATION);
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(chain);
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(message), recording).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<String> keys(MailableOrder order, MailKind kind) {
        if (!includeKeys || kind == MailKind.REFUNDED) {
            return List.of();
        }
        return order.keys().stream().map(cipher::open).toList();
    }

    private void recordFailure(String orderId, MailKind kind, String notificationId, RuntimeException failure) {
        String reason = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        log.warn("Order {}: {} mail not taken by the mail service, will retry: {}", orderId, kind.code(), reason);
        try {
            record(new RecordBuyerNotificationFailure(orderId, notificationId, kind.code(),
                    reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
        } catch (RuntimeException e) {
            // the retry matters more than the timeline entry
            log.warn("Order {}: the failed mail could not be recorded: {}", orderId, e.toString());
        }
    }
}
