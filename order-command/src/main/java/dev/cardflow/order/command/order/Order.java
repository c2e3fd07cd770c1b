package dev.cardflow.order.command.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.order.AwaitPayment;
import dev.cardflow.api.order.BuyerNotificationFailed;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.CancelOrder;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.ConfirmPaymentManually;
import dev.cardflow.api.order.ConfirmRefund;
import dev.cardflow.api.order.ConfirmRefundManually;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.DeliverManually;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.DeliveryNotificationRequested;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentCheckRequested;
import dev.cardflow.api.order.PaymentCheckStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.api.order.RecordBuyerNotification;
import dev.cardflow.api.order.RecordBuyerNotificationFailure;
import dev.cardflow.api.order.RecordCardPurchaseFailure;
import dev.cardflow.api.order.RecordPaymentFailure;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.api.order.RequestPaymentCheck;
import dev.cardflow.api.order.ResendDeliveryNotification;
import dev.cardflow.api.order.RetryFulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static dev.cardflow.api.order.OrderStatus.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One buyer's order and its state machine (API.md, "Order statuses"). Every status change is an
 * event applied here; anything the state machine does not allow is refused. Repeats of a command
 * that already took effect (a retried request, a duplicate PSP callback, a saga step redone after
 * a crash) change nothing and are not refused.
 */
@Aggregate(cache = "orderCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Order {

    // what the order decides on
    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private String requestFingerprint;
    private String paymentMethod;
    private String paymentId;
    private boolean paid;
    private String refundId;
    private final Set<String> pspEvents = new HashSet<>();
    private Instant firstCheckRequestedAt;
    private Instant lastCheckRequestedAt;
    // mails to the buyer the mail service took, and those that failed at least once
    private final Set<String> notified = new HashSet<>();
    private final Set<String> notificationFailures = new HashSet<>();

    // facts its events carry: what was to be paid, what was paid, whom to tell, and whether keys went out
    private Money amount;
    private Money paidAmount;
    private String email;
    private boolean delivered;
    private ProductSource source;

    protected Order() {
        // for Axon
    }

    /** Places the order, or, for a retried request with the same Idempotency-Key, confirms the earlier one. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceOrder command) {
        if (status != null) {
            if (!requestFingerprint.equals(command.requestFingerprint())) {
                throw new OrderRefused.IdempotencyKeyReused();
            }
            return;
        }
        apply(new OrderPlaced(command.orderId(), command.productId(), command.productName(), command.quantity(),
                command.unitPrice(), command.amount(), command.source(), command.sku(), command.email(),
                command.requestFingerprint(), command.paymentMethod(), command.language(), command.fields(),
                command.couponCode(), command.discount(), command.queryPasswordHash()));
    }

    @CommandHandler
    public void handle(AwaitPayment command) {
        if (command.paymentId().equals(paymentId)) {
            return;
        }
        requireMove(PENDING_PAYMENT, "waiting for payment");
        apply(new PaymentRequested(orderId, command.paymentId(), command.payUrl(), command.expiresAt()));
    }

    @CommandHandler
    public void handle(ConfirmPayment command) {
        if (pspEvents.contains(command.pspEventId())) {
            return;
        }
        if (!isOwnPayment(command)) {
            throw new OrderRefused.PaymentNotOurs(orderId, command.paymentMethod(), command.paymentId());
        }
        if (paid) {
            return;
        }
        if (status == CANCELLED) {
            // the status stays: the fulfilment decides whether the late payment reinstates the order
            apply(new PaymentReceivedAfterCancellation(orderId, command.settledPaymentId(),
                    command.pspEventId(), command.amount()));
            return;
        }
        requireMove(PAID, "paid");
        apply(new PaymentConfirmed(orderId, command.settledPaymentId(), command.pspEventId(), command.amount()));
    }

    /**
     * Only the payment this order was given, at the provider the buyer chose, pays for it: a signed
     * notification about any other payment (another order's, say) changes nothing.
     */
    private boolean isOwnPayment(ConfirmPayment command) {
        if (!PaymentMethods.orSimulator(paymentMethod).equals(command.paymentMethod())) {
            return false;
        }
        if (command.paymentId().equals(paymentId)) {
            return true;
        }
        // once paid, the order knows the provider's own id (an EPay trade_no) and a repeat may name it
        return paid && command.settledPaymentId().equals(paymentId);
    }

    /** A failed attempt matters only while the order waits; a late or out-of-order FAILED changes nothing. */
    @CommandHandler
    public void handle(RecordPaymentFailure command) {
        if (pspEvents.contains(command.pspEventId()) || !awaitingPayment()) {
            return;
        }
        apply(new PaymentFailed(orderId, command.paymentId(), command.pspEventId()));
    }

    /** A failed purchase matters only while the paid order waits for its keys. */
    @CommandHandler
    public void handle(RecordCardPurchaseFailure command) {
        if (status.canMoveTo(DELIVERED)) {
            apply(new CardPurchaseFailed(orderId, command.attempt(), command.maxAttempts(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(DeliverOrder command) {
        if (status == DELIVERED) {
            return;
        }
        requireMove(DELIVERED, "delivered");
        apply(new OrderDelivered(orderId, command.cardKeys(), email));
    }

    /** An operator delivers a paid MANUAL order by hand; anything else (another source, another status) is refused. */
    @CommandHandler
    public void handle(DeliverManually command) {
        if (source != ProductSource.MANUAL) {
            throw new OrderRefused.NotManual(orderId);
        }
        if (status != PAID) {
            throw refused("delivered by hand");
        }
        apply(new OrderDelivered(orderId, command.content(), email));
    }

    /** An operator asks for the current step again; a settled order has no step left. */
    @CommandHandler
    public void handle(RetryFulfilment command) {
        if (settled()) {
            throw refused("retried");
        }
        apply(new FulfilmentRetryRequested(orderId, status));
    }

    /**
     * The buyer says the payment is made: one question to the provider per {@code spacing}, however
     * many requests come; nothing to ask once the order no longer waits for its payment.
     */
    @CommandHandler
    public PaymentCheckStatus handle(RequestPaymentCheck command) {
        if (status != PENDING_PAYMENT || paymentId == null) {
            return PaymentCheckStatus.NOTHING_TO_CHECK;
        }
        if (lastCheckRequestedAt == null
                || !command.requestedAt().isBefore(lastCheckRequestedAt.plus(command.spacing()))) {
            apply(new PaymentCheckRequested(orderId, paymentId, command.requestedAt()));
        }
        return new PaymentCheckStatus(true, firstCheckRequestedAt);
    }

    /** An operator confirms a payment the PSP never reported; the order then takes the normal paid path. */
    @CommandHandler
    public void handle(ConfirmPaymentManually command) {
        String eventId = "manual:" + command.pspTradeNo();
        if (pspEvents.contains(eventId)) {
            return;
        }
        if (paid) {
            throw refused("confirmed as paid again");
        }
        String payment = paymentId != null ? paymentId : command.pspTradeNo();
        if (status == CANCELLED) {
            apply(new PaymentReceivedAfterCancellation(orderId, payment, eventId, amount));
            return;
        }
        requireMove(PAID, "confirmed as paid");
        apply(new PaymentConfirmed(orderId, payment, eventId, amount));
    }

    @CommandHandler
    public void handle(ResendDeliveryNotification command) {
        if (status != DELIVERED) {
            throw refused("notified of a delivery");
        }
        apply(new DeliveryNotificationRequested(orderId, email));
    }

    /** A mail reached the mail service; in any status, once per mail. */
    @CommandHandler
    public void handle(RecordBuyerNotification command) {
        if (notified.contains(command.notificationId())) {
            return;
        }
        apply(new BuyerNotified(orderId, command.notificationId(), command.kind()));
    }

    /** Only a mail's first failure is recorded: its retries during a long outage would flood the timeline. */
    @CommandHandler
    public void handle(RecordBuyerNotificationFailure command) {
        String id = command.notificationId();
        if (notified.contains(id) || notificationFailures.contains(id)) {
            return;
        }
        apply(new BuyerNotificationFailed(orderId, id, command.kind(), command.reason()));
    }

    /** An operator's cancellation: only an unpaid order can be cancelled. */
    @CommandHandler
    public void handle(CancelOrder command) {
        if (status == CANCELLED) {
            return;
        }
        requireMove(CANCELLED, "cancelled");
        apply(new OrderCancelled(orderId, command.reason()));
    }

    /** The fulfilment gives up (payment overdue, out of stock): cancel unless the payment came first. */
    @CommandHandler
    public void handle(CancelUnpaidOrder command) {
        if (awaitingPayment()) {
            apply(new OrderCancelled(orderId, command.reason()));
        }
    }

    @CommandHandler
    public void handle(ReinstateOrder command) {
        if (status == PAID) {
            return;
        }
        requireMove(PAID, "reinstated");
        if (!paid) {
            // only a payment that arrived after the cancellation brings the order back
            throw refused("reinstated");
        }
        apply(new OrderReinstated(orderId));
    }

    @CommandHandler
    public void handle(RefundOrder command) {
        if (status == REFUNDING || status == REFUNDED) {
            return;
        }
        requireMove(REFUNDING, "refunded");
        if (!paid) {
            throw refused("refunded");
        }
        apply(new RefundRequested(orderId, paymentId, RefundRequested.refundIdFor(orderId), paidAmount, command.reason(),
                delivered));
    }

    @CommandHandler
    public void handle(ConfirmRefund command) {
        if (status == REFUNDED) {
            return;
        }
        requireMove(REFUNDED, "marked refunded");
        if (!command.refundId().equals(refundId)) {
            throw refused("marked refunded");
        }
        apply(new OrderRefunded(orderId, command.refundId()));
    }

    /** The fulfilment gave up on the provider's refund: the order waits for an operator's. */
    @CommandHandler
    public void handle(RecordRefundFailure command) {
        if (status.canMoveTo(REFUNDED)) {
            apply(new RefundFailed(orderId, command.attempts(), command.reason()));
        }
    }

    /** An operator refunded by hand at the provider (one that cannot refund through its API). */
    @CommandHandler
    public void handle(ConfirmRefundManually command) {
        if (status == REFUNDED) {
            return;
        }
        requireMove(REFUNDED, "marked refunded");
        apply(new OrderRefunded(orderId, refundId));
    }

    /** The one check before a status change: refused unless {@link OrderStatus}'s transition table allows it. */
    private void requireMove(OrderStatus next, String action) {
        if (!status.canMoveTo(next)) {
            throw refused(action);
        }
    }

    /** Still waiting for its payment: the only time an order can be cancelled. */
    private boolean awaitingPayment() {
        return status.canMoveTo(CANCELLED);
    }

    /** No step of the fulfilment is left: delivered, refunded, or cancelled without a payment. */
    private boolean settled() {
        return status == DELIVERED || status == REFUNDED || (status == CANCELLED && !paid);
    }

    private OrderRefused.TransitionNotAllowed refused(String action) {
        return new OrderRefused.TransitionNotAllowed(orderId, status, action);
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = PLACED;
        requestFingerprint = event.requestFingerprint();
        amount = event.amount();
        paymentMethod = event.method();
        email = event.email();
        source = event.source();
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        status = PENDING_PAYMENT;
        paymentId = event.paymentId();
    }

    @EventSourcingHandler
    void on(PaymentConfirmed event) {
        status = PAID;
        paid = true;
        paidAmount = event.amount();
        paymentId = event.paymentId();
        pspEvents.add(event.pspEventId());
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        pspEvents.add(event.pspEventId());
    }

    @EventSourcingHandler
    void on(PaymentReceivedAfterCancellation event) {
        paid = true;
        paidAmount = event.amount();
        paymentId = event.paymentId();
        pspEvents.add(event.pspEventId());
    }

    @EventSourcingHandler
    void on(PaymentCheckRequested event) {
        lastCheckRequestedAt = event.requestedAt();
        if (firstCheckRequestedAt == null) {
            firstCheckRequestedAt = event.requestedAt();
        }
    }

    @EventSourcingHandler
    void on(OrderReinstated event) {
        status = PAID;
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = DELIVERED;
        delivered = true;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        status = REFUNDING;
        refundId = event.refundId();
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        status = REFUNDED;
    }

    @EventSourcingHandler
    void on(BuyerNotified event) {
        notified.add(event.notificationId());
    }

    @EventSourcingHandler
    void on(BuyerNotificationFailed event) {
        notificationFailures.add(event.notificationId());
    }
}
