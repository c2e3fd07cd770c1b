package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.fulfilment.process.DeadlineSignal;
import dev.cardflow.fulfilment.process.Fulfilment;
import dev.cardflow.fulfilment.process.FulfilmentInput;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;
import dev.cardflow.fulfilment.process.FulfilmentRoutes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fulfilment of one order: reserve stock, create the payment, wait for it (or give up at its
 * deadline), issue the keys, deliver — and compensate with a release or a refund where a step
 * cannot be done. Every decision is taken by the pure {@code FulfilmentProcess}; this class only
 * feeds it the order's events (routed by {@link FulfilmentRoutes}) and deadlines, and has
 * {@link FulfilmentActions} carry out the result. The deadlines it waits for are kept as its data,
 * with one stored deadline — its alarm — set for the earliest ({@link PendingDeadlines}).
 */
@Saga
@ProcessingGroup(OrderFulfilmentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderFulfilmentSaga {

    public static final String PROCESSING_GROUP = "fulfilment";
    private static final String ORDER = "orderId";

    private Fulfilment fulfilment;
    /** The state of a saga stored before the stages had records of their own; converted on its next step. */
    private LegacyFulfilment state;
    /** The deadlines the fulfilment waits for, and the alarm that wakes the saga for the earliest. */
    private PendingDeadlines deadlines = new PendingDeadlines();
    /**
     * Deadlines stored one by one (a row each) by sagas saved before they kept them as data, by name,
     * with the schedule id that cancels them: they still fire, and are cancelled when unscheduled.
     */
    private Map<String, String> scheduled = new HashMap<>();

    @Autowired
    private transient FulfilmentActions actions;
    @Autowired
    private transient DeadlineManager deadlineManager;

    // The events that open a fulfilment (each also reaches a running one). Axon calls the most
    // specific handler, so these take their events and the handler of OrderMessage takes the rest.

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPlaced event, @Timestamp Instant at) {
        react(event, at);
    }

    /** A payment for a cancelled order starts a fulfilment anew: deliver if stock allows, else refund. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentReceivedAfterCancellation event, @Timestamp Instant at) {
        react(event, at);
    }

    /** A refund — the saga's own compensation or an operator's — is followed through at the PSP. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(RefundRequested event, @Timestamp Instant at) {
        react(event, at);
    }

    /** An operator's retry: the current step again — or, if no fulfilment is running, one from where the order stands. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(FulfilmentRetryRequested event, @Timestamp Instant at) {
        react(event, at);
    }

    /** Every other event about the order, its inventory's included; those the routes ignore change nothing. */
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderMessage event, @Timestamp Instant at) {
        react(event, at);
    }

    /**
     * The alarm: every signal whose time has come reaches the fulfilment, earliest first, each once;
     * then the alarm is set for the rest. A deadline stored on its own by an older saga reaches it by
     * its name; one the fulfilment no longer knows is dropped.
     */
    @DeadlineHandler
    void on(DeadlineMessage<?> deadline) {
        Instant now = actions.clock().instant();
        boolean goesOn = true;
        if (PendingDeadlines.WAKE_UP.equals(deadline.getDeadlineName())) {
            deadlines.rang(deadline.getPayload());
            Set<DeadlineSignal> taken = EnumSet.noneOf(DeadlineSignal.class);
            Optional<DeadlineSignal> due;
            while (goesOn && (due = deadlines.takeDue(now, taken)).isPresent()) {
                taken.add(due.get());
                goesOn = step(new FulfilmentInput.Deadline(due.get()), now);
            }
        } else {
            scheduled.remove(deadline.getDeadlineName());
            Optional<DeadlineSignal> signal = DeadlineSignal.named(deadline.getDeadlineName());
            if (signal.isPresent()) {
                goesOn = step(new FulfilmentInput.Deadline(signal.get()), now);
            }
        }
        settle(goesOn);
    }

    /** Where the order's fulfilment stands, in the current shape whichever shape it was stored in. */
    Fulfilment fulfilment() {
        return fulfilment != null || state == null ? fulfilment : state.toFulfilment();
    }

    private void react(Object event, Instant at) {
        FulfilmentRoutes.route(event).ifPresent(input -> take(input, at));
    }

    private void take(FulfilmentInput input, Instant at) {
        settle(step(input, at));
    }

    /** Takes one step of the fulfilment; whether it goes on. */
    private boolean step(FulfilmentInput input, Instant at) {
        Step step = actions.process().handle(fulfilment(), input, at, actions.orders());
        fulfilment = step.state();
        state = null;
        actions.execute(step.decisions(), deadlines, scheduled, deadlineManager);
        return !(step.ends() || fulfilment == null);
    }

    /** Sets the alarm for what is pending after the steps; an ended saga leaves none. */
    private void settle(boolean goesOn) {
        if (!goesOn) {
            deadlines.unscheduleAll();
        }
        actions.setAlarm(deadlines, deadlineManager);
        if (!goesOn) {
            SagaLifecycle.end();
        }
    }
}
