package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.DomainRefusal;
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
import dev.cardflow.fulfilment.process.Decision.ExpireUnlessPaid;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Send;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Decision;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.supplier.CardPurchase;
import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Carries out the decisions of the {@link FulfilmentProcess} for the saga. Commands run at once,
 * inside the saga's transaction; deadlines are stored with it. Calls to the outside world start
 * only after that transaction commits and report back as commands; if one is lost (a crash, a
 * spent retry budget), the step's retry deadline asks again.
 */
public class FulfilmentActions {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentActions.class);

    private final FulfilmentProcess process;
    private final CommandGateway commands;
    private final DeadlineManager deadlines;
    private final PaymentGateways payments;
    private final CardPurchase cardPurchase;
    private final Executor io;
    private final Clock clock;
    private final BiConsumer<String, String> cancelDeadline;

    public FulfilmentActions(FulfilmentProcess process, CommandGateway commands, DeadlineManager deadlines,
                             PaymentGateways payments, CardPurchase cardPurchase, Executor io, Clock clock) {
        this(process, commands, deadlines, payments, cardPurchase, io, clock, deadlines::cancelSchedule);
    }

    /** {@code cancelDeadline} cancels a deadline by name and schedule id (see {@link DeadlineCancellation}). */
    public FulfilmentActions(FulfilmentProcess process, CommandGateway commands, DeadlineManager deadlines,
                             PaymentGateways payments, CardPurchase cardPurchase, Executor io, Clock clock,
                             BiConsumer<String, String> cancelDeadline) {
        this.process = process;
        this.commands = commands;
        this.deadlines = deadlines;
        this.payments = payments;
        this.cardPurchase = cardPurchase;
        this.io = io;
        this.clock = clock;
        this.cancelDeadline = cancelDeadline;
    }

    public FulfilmentProcess process() {
        return process;
    }

    public Clock clock() {
        return clock;
    }

    /** Executes {@code decisions}; {@code scheduled} maps each pending deadline of the saga to its schedule id. */
    public void execute(List<Decision> decisions, Map<String, String> scheduled) {
        for (Decision decision : decisions) {
            if (decision instanceof Send s) {
                send(s.command());
            } else if (decision instanceof Schedule s) {
                unschedule(s.name(), scheduled);
                scheduled.put(s.name(), deadlines.schedule(s.at(), s.name()));
            } else if (decision instanceof Unschedule u) {
                unschedule(u.name(), scheduled);
            } else if (decision instanceof CreatePayment c) {
                afterCommit(() -> payments.of(c.method()).createPayment(new PaymentGateway.PaymentRequest(
                                c.orderId(), c.amount(), c.quantity(), c.description(), c.payBy())),
                        created -> send(new AwaitPayment(c.orderId(), created.paymentId(), created.payUrl(), c.payBy())),
                        "create the " + c.method() + " payment of order " + c.orderId());
            } else if (decision instanceof CheckPayment c) {
                afterCommit(() -> payments.of(c.method()).paymentState(c.orderId(), c.paymentId()),
                        state -> confirmIfPaid(c, state),
                        "check " + c.method() + " payment " + c.paymentId() + " of order " + c.orderId());
            } else if (decision instanceof CancelPayment c) {
                afterCommit(() -> payments.of(c.method()).cancel(c.orderId(), c.paymentId()),
                        done -> log.info("Order {}: {} payment {} closed", c.orderId(), c.method(), c.paymentId()),
                        "close " + c.method() + " payment " + c.paymentId() + " of order " + c.orderId());
            } else if (decision instanceof ExpireUnlessPaid x) {
                expireUnlessPaid(x);
            } else if (decision instanceof RefundPayment r) {
                afterCommit(() -> payments.of(r.method()).refund(r.orderId(), r.paymentId(), r.refundId(), r.amount()),
                        done -> send(new ConfirmRefund(r.orderId(), r.refundId())),
                        "refund payment " + r.paymentId() + " of order " + r.orderId());
            } else if (decision instanceof BuyCardKeys b) {
                buyCardKeys(b);
            }
            // End: the saga ends itself.
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

    private void unschedule(String name, Map<String, String> scheduled) {
        String scheduleId = scheduled.remove(name);
        if (scheduleId != null) {
            cancelDeadline.accept(name, scheduleId);
        }
    }

    /** Sends a command and waits; a refusal is the aggregate guarding its rules, not a failure of the saga. */
    private void send(Object command) {
        send(Origin.FULFILMENT, command);
    }

    private void send(String origin, Object command) {
        try {
            commands.sendAndWait(Origin.from(origin, command));
        } catch (DomainRefusal refusal) {
            log.info("{} refused: {}", command.getClass().getSimpleName(), refusal.getMessage());
        }
    }

    private <T> void afterCommit(Supplier<CompletableFuture<T>> call, java.util.function.Consumer<T> onAnswer,
                                 String what) {
        Runnable start = () -> call.get()
                .thenAcceptAsync(onAnswer, io)
                .exceptionally(failure -> {
                    log.warn("Could not {} (will try again on its deadline): {}", what, rootMessage(failure));
                    return null;
                });
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
