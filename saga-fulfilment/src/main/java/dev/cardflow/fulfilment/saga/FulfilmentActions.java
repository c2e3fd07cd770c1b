package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.order.AwaitPayment;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.ConfirmRefund;
import dev.cardflow.api.order.RecordCardPurchaseFailure;
import dev.cardflow.fulfilment.payment.PaymentGateway;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.fulfilment.process.Decision.CancelPayment;
import dev.cardflow.fulfilment.process.Decision.CheckPayment;
import dev.cardflow.fulfilment.process.Decision.CreatePayment;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.ExpireUnlessPaid;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Send;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Decision;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.OrderFactsSource;
import dev.cardflow.fulfilment.supplier.CardPurchase;
import dev.cardflow.infrastructure.axon.Origin;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Carries out the decisions of the {@link FulfilmentProcess} for the saga. Commands run at once,
 * inside the saga's transaction; deadlines are kept as the saga's data, and the one stored deadline
 * that wakes it (its alarm, see {@link PendingDeadlines}) is set in that transaction. Calls to the
 * outside world start only after that transaction commits and report back as commands; if one is
 * lost (a crash, a spent retry budget), the step's retry deadline asks again.
 */
public class FulfilmentActions {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentActions.class);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final FulfilmentProcess process;
    private final OrderFactsSource orders;
    private final CommandGateway commands;
    private final PaymentGateways payments;
    private final CardPurchase cardPurchase;
    private final Executor io;
    private final Clock clock;
    private final BiConsumer<String, String> cancelDeadline;
    private final Rescheduling rescheduleDeadline;

    /** Moves a stored deadline in place; {@code false} when it cannot be moved (see {@link DeadlineRescheduling}). */
    @FunctionalInterface
    public interface Rescheduling {
        boolean reschedule(String deadlineName, String scheduleId, Instant at);
    }

    /** Deadlines are cancelled through the saga's own deadline manager, and moved by cancelling and setting anew. */
    public FulfilmentActions(FulfilmentProcess process, OrderFactsSource orders, CommandGateway commands,
                             PaymentGateways payments, CardPurchase cardPurchase, Executor io, Clock clock) {
        this(process, orders, commands, payments, cardPurchase, io, clock, null, null);
    }

    /**
     * {@code cancelDeadline} cancels a deadline by name and schedule id (see {@link DeadlineCancellation}),
     * {@code rescheduleDeadline} moves one (see {@link DeadlineRescheduling}).
     */
    public FulfilmentActions(FulfilmentProcess process, OrderFactsSource orders, CommandGateway commands,
                             PaymentGateways payments, CardPurchase cardPurchase, Executor io, Clock clock,
                             BiConsumer<String, String> cancelDeadline, Rescheduling rescheduleDeadline) {
        this.process = process;
        this.orders = orders;
        this.commands = commands;
        this.payments = payments;
        this.cardPurchase = cardPurchase;
        this.io = io;
        this.clock = clock;
        this.cancelDeadline = cancelDeadline;
        this.rescheduleDeadline = rescheduleDeadline;
    }

    public FulfilmentProcess process() {
        return process;
    }

    public Clock clock() {
        return clock;
    }

    /** Where a fulfilment that starts after the order was placed reads the order's facts. */
    public OrderFactsSource orders() {
        return orders;
    }

    /**
     * Executes {@code decisions}: a deadline to schedule or unschedule changes {@code pending} only;
     * {@code legacy} maps the deadlines a saga stored one by one before it kept them as data to their
     * schedule ids, and such a deadline is cancelled when its signal is unscheduled or scheduled anew.
     * {@code deadlines} is the saga's deadline manager. Then {@link #setAlarm} stores the change.
     */
    void execute(List<Decision> decisions, PendingDeadlines pending, Map<String, String> legacy,
                 DeadlineManager deadlines) {
        Execution execution = new Execution(pending, legacy, deadlines);
        decisions.forEach(decision -> decision.accept(execution));
    }

    /**
     * Sets the saga's alarm for the earliest pending deadline: cancels it when none is pending, and moves
     * it whenever the earliest changes (in place if it can, else cancels it and sets a new one) — later
     * too: one update now is cheaper than an alarm that rings for nothing (a buyer who takes longer to pay
     * than the payment's creation would have taken to retry), and the stored time is the saga's next wake-up.
     */
    void setAlarm(PendingDeadlines pending, DeadlineManager deadlines) {
        PendingDeadlines.Alarm alarm = pending.alarm();
        Instant earliest = pending.earliest().orElse(null);
        if (earliest == null) {
            if (alarm != null) {
                cancel(deadlines, PendingDeadlines.WAKE_UP, alarm.scheduleId());
                pending.alarmCancelled();
            }
            return;
        }
        if (alarm != null && alarm.at().equals(earliest)) {
            return;
        }
        if (alarm != null && rescheduleDeadline != null
                && rescheduleDeadline.reschedule(PendingDeadlines.WAKE_UP, alarm.scheduleId(), earliest)) {
            pending.alarmMoved(earliest);
            return;
        }
        if (alarm != null) {
            cancel(deadlines, PendingDeadlines.WAKE_UP, alarm.scheduleId());
        }
        long number = pending.nextAlarmNumber();
        String scheduleId = deadlines.schedule(earliest, PendingDeadlines.WAKE_UP, number);
        pending.alarmSet(new PendingDeadlines.Alarm(scheduleId, earliest, number));
    }

    private void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (cancelDeadline != null) {
            cancelDeadline.accept(name, scheduleId);
        } else {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }

    /** How each kind of decision is carried out. */
    private final class Execution implements Decision.Visitor<Void> {

        private final PendingDeadlines pending;
        private final Map<String, String> legacy;
        private final DeadlineManager deadlines;

        Execution(PendingDeadlines pending, Map<String, String> legacy, DeadlineManager deadlines) {
            this.pending = pending;
            this.legacy = legacy;
            this.deadlines = deadlines;
        }

        @Override
        public Void send(Send s) {
            FulfilmentActions.this.send(s.command());
            return null;
        }

        @Override
        public Void createPayment(CreatePayment c) {
            afterCommit(() -> payments.of(c.method()).createPayment(new PaymentGateway.PaymentRequest(
                            c.orderId(), c.amount(), c.quantity(), c.description(), c.payBy())),
                    created -> FulfilmentActions.this.send(
                            new AwaitPayment(c.orderId(), created.paymentId(), created.payUrl(), c.payBy())),
                    "create the " + c.method() + " payment of order " + c.orderId());
            return null;
        }

        @Override
        public Void checkPayment(CheckPayment c) {
            afterCommit(() -> payments.of(c.method()).paymentState(c.orderId(), c.paymentId()),
                    state -> confirmIfPaid(c, state),
                    "check " + c.method() + " payment " + c.paymentId() + " of order " + c.orderId());
            return null;
        }

        @Override
        public Void cancelPayment(CancelPayment c) {
            afterCommit(() -> payments.of(c.method()).cancel(c.orderId(), c.paymentId()),
                    done -> log.info("Order {}: {} payment {} closed", c.orderId(), c.method(), c.paymentId()),
                    "close " + c.method() + " payment " + c.paymentId() + " of order " + c.orderId());
            return null;
        }

        @Override
        public Void expireUnlessPaid(ExpireUnlessPaid x) {
            FulfilmentActions.this.expireUnlessPaid(x);
            return null;
        }

        @Override
        public Void refundPayment(RefundPayment r) {
            afterCommit(() -> payments.of(r.method()).refund(r.orderId(), r.paymentId(), r.refundId(), r.amount()),
                    done -> FulfilmentActions.this.send(new ConfirmRefund(r.orderId(), r.refundId())),
                    "refund payment " + r.paymentId() + " of order " + r.orderId());
            return null;
        }

        @Override
        public Void buyCardKeys(BuyCardKeys b) {
            FulfilmentActions.this.buyCardKeys(b);
            return null;
        }

        @Override
        public Void schedule(Schedule s) {
            cancelLegacy(s.deadline().deadlineName());
            pending.schedule(s.deadline(), s.at());
            return null;
        }

        @Override
        public Void unschedule(Unschedule u) {
            cancelLegacy(u.deadline().deadlineName());
            pending.unschedule(u.deadline());
            return null;
        }

        /** The saga ends itself. */
        @Override
        public Void end(End e) {
            return null;
        }

        private void cancelLegacy(String name) {
            String scheduleId = legacy.remove(name);
            if (scheduleId != null) {
                cancel(deadlines, name, scheduleId);
            }
        }
    }

    private void confirmIfPaid(CheckPayment check, PaymentGateway.PaymentState state) {
        if (state.paid()) {
            log.info("Order {}: {} reports payment {} paid without having notified us",
                    check.orderId(), check.method(), check.paymentId());
            send(Origin.PSP_STATUS_CHECK, new ConfirmPayment(check.orderId(), check.method(), check.paymentId(),
                    "status-check:" + check.paymentId(), state.amount(), state.reportedPaymentId()));
        }
    }

    /** The last word before cancelling: a payment the PSP never reported is confirmed, anything else cancels. */
    private void expireUnlessPaid(ExpireUnlessPaid expiry) {
        afterCommit(() -> payments.of(expiry.method()).paymentState(expiry.orderId(), expiry.paymentId())
                        .handle((state, failure) -> failure == null ? state : null),
                state -> {
                    if (state != null && state.paid()) {
                        confirmIfPaid(new CheckPayment(expiry.orderId(), expiry.method(), expiry.paymentId()), state);
                    } else {
                        send(new CancelUnpaidOrder(expiry.orderId(), expiry.reason()));
                    }
                },
                "expire order " + expiry.orderId());
    }

    /** Buys the keys; a failure is recorded on the order (and shown to the buyer), the saga decides what next. */
    private void buyCardKeys(BuyCardKeys purchase) {
        afterCommit(() -> cardPurchase.buy(purchase).handle((delivery, failure) -> failure == null
                        ? delivery
                        : new RecordCardPurchaseFailure(purchase.orderId(), purchase.attempt(), purchase.maxAttempts(),
                        CardPurchase.describe(failure))),
                this::send,
                "buy card keys for order " + purchase.orderId());
    }

    /** Sends a command and waits; a refusal is the aggregate guarding its rules, not a failure of the saga. */
    private void send(Object command) {
        send(Origin.FULFILMENT, command);
    }

    /**
     * A refusal arrives as a {@link DomainRefusal} from this JVM and as a plain
     * {@link CommandExecutionException} carrying the {@link Refusal} from behind Axon Server: both are
     * the aggregate guarding its rules. Any other failure is a fault, and fails the saga's step.
     */
    private void send(String origin, Object command) {
        try {
            commands.sendAndWait(Origin.from(origin, command));
        } catch (CommandExecutionException failure) {
            if (failure.getDetails().filter(Refusal.class::isInstance).isEmpty()) {
                throw failure;
            }
            log.info("{} refused: {}", command.getClass().getSimpleName(), failure.getMessage());
        }
    }

    private <T> void afterCommit(Supplier<CompletableFuture<T>> call, java.util.function.Consumer<T> onAnswer,
                                 String what) {
        // the handler's trace continues in the call and in the command its answer sends, after the commit
        ContextSnapshot trace = SNAPSHOTS.captureAll();
        Runnable start = trace.wrap((Runnable) () -> call.get()
                .thenAcceptAsync(trace.wrap(onAnswer), io)
                .exceptionally(failure -> {
                    log.warn("Could not {} (will try again on its deadline): {}", what, rootMessage(failure));
                    return null;
                }));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> start.run());
        } else {
            start.run();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
