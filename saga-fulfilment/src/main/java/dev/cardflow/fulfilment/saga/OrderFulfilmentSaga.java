package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.fulfilment.process.Deadlines;
import dev.cardflow.fulfilment.process.Fulfilment;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The fulfilment of one order: reserve stock, create the payment, wait for it (or give up at its
 * deadline), issue the keys, deliver — and compensate with a release or a refund where a step
 * cannot be done. Every decision is taken by the pure {@code FulfilmentProcess}; this class only
 * feeds it the order's events and deadlines and has {@link FulfilmentActions} carry out the result.
 */
@Saga
@ProcessingGroup(OrderFulfilmentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderFulfilmentSaga {

    public static final String PROCESSING_GROUP = "fulfilment";
    private static final String ORDER = "orderId";

    private Fulfilment state;
    /** Pending deadlines by name, with the schedule id that cancels them. */
    private Map<String, String> scheduled = new HashMap<>();

    @Autowired
    private transient FulfilmentActions actions;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPlaced event, @Timestamp Instant at) {
        take(actions.process().start(event, at));
    }

    /** A payment for a cancelled order starts a fulfilment anew: deliver if stock allows, else refund. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentReceivedAfterCancellation event, @Timestamp Instant at) {
        take(state == null ? actions.process().start(event, at) : actions.process().on(state, event, at));
    }

    /** A refund — the saga's own compensation or an operator's — is followed through at the PSP. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(RefundRequested event, @Timestamp Instant at) {
        take(state == null ? actions.process().start(event, at) : actions.process().on(state, event, at));
    }

    /** An operator's retry: the current step again — or, if no fulfilment is running, one from where the order stands. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(FulfilmentRetryRequested event, @Timestamp Instant at) {
        take(actions.process().retry(state, event, at));
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(StockReserved event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(StockReservationRejected event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentRequested event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentConfirmed event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderReinstated event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(StockIssued event, @Timestamp Instant at) {
        next(event, at);
    }

    /** A failed purchase of an UPSTREAM order's keys: try again after a wait, or refund once the budget is spent. */
    @SagaEventHandler(associationProperty = ORDER)
    void on(CardPurchaseFailed event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderDelivered event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderCancelled event, @Timestamp Instant at) {
        next(event, at);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderRefunded event, @Timestamp Instant at) {
        next(event, at);
    }

    @DeadlineHandler(deadlineName = Deadlines.PAYMENT_EXPIRY)
    void paymentExpired() {
        deadline(Deadlines.PAYMENT_EXPIRY);
    }

    @DeadlineHandler(deadlineName = Deadlines.PAYMENT_CREATION_RETRY)
    void paymentCreationOverdue() {
        deadline(Deadlines.PAYMENT_CREATION_RETRY);
    }

    @DeadlineHandler(deadlineName = Deadlines.PAYMENT_CHECK)
    void paymentUnreported() {
        deadline(Deadlines.PAYMENT_CHECK);
    }

    @DeadlineHandler(deadlineName = Deadlines.REFUND_RETRY)
    void refundOverdue() {
        deadline(Deadlines.REFUND_RETRY);
    }

    @DeadlineHandler(deadlineName = Deadlines.CARD_PURCHASE_RETRY)
    void cardPurchaseOverdue() {
        deadline(Deadlines.CARD_PURCHASE_RETRY);
    }

    private void next(Object event, Instant at) {
        take(actions.process().on(state, event, at));
    }

    private void deadline(String name) {
        scheduled.remove(name);
        take(actions.process().onDeadline(state, name, actions.clock().instant()));
    }

    private void take(Step step) {
        state = step.state();
        actions.execute(step.decisions(), scheduled);
        if (step.ends()) {
            SagaLifecycle.end();
        }
    }
}
