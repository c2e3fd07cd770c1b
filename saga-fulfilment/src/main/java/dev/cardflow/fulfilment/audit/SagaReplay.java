package dev.cardflow.fulfilment.audit;

import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ReleaseStock;
import dev.cardflow.api.inventory.ReserveStock;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.fulfilment.process.Decision.CheckPayment;
import dev.cardflow.fulfilment.process.Decision.CreatePayment;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.ExpireUnlessPaid;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Send;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Decision;
import dev.cardflow.fulfilment.process.Fulfilment;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays an order's history through the fulfilment's own decision logic ({@link FulfilmentProcess})
 * in a sandbox: no command is sent, no call made, no deadline stored. Deadlines are fired in the
 * sandbox at their time, before the first event that came later. Every decision that should leave
 * a trace is then matched with the events that followed; events the fulfilment caused but did not
 * decide, decisions that never took effect, and operators' interventions are the discrepancies.
 */
public class SagaReplay {

    /** What the process decided at one moment, and why. */
    public record DecisionPoint(Instant at, String trigger, String origin, List<String> decisions) {
    }

    /** Where the replay and the history disagree, or a person stepped in. */
    public record Discrepancy(String kind, Instant at, String event, String detail, String operator, String reason) {
    }

    /** The verdict of a replay. */
    public record Verdict(boolean consistent, List<DecisionPoint> decisions, List<Discrepancy> discrepancies) {
    }

    /** A decision still waiting for its trace. */
    private record Expectation(Decision decision, Set<Class<?>> outcomes, boolean required, Instant at) {
    }

    private final FulfilmentProcess process;

    public SagaReplay(FulfilmentProcess process) {
        this.process = process;
    }

    public Verdict replay(List<DomainEventMessage<?>> history) {
        Fulfilment state = null;
        boolean ended = false;
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        List<Expectation> open = new ArrayList<>();
        List<DecisionPoint> points = new ArrayList<>();
        List<Discrepancy> discrepancies = new ArrayList<>();

        for (DomainEventMessage<?> message : history) {
            Object event = message.getPayload();
            Instant at = message.getTimestamp();
            String origin = (String) message.getMetaData().get(Origin.ORIGIN);

            while (!ended && state != null && !deadlines.isEmpty()) {
                Map.Entry<String, Instant> due = deadlines.entrySet().stream()
                        .min(Map.Entry.comparingByValue()).orElseThrow();
                if (due.getValue().isAfter(at)) {
                    break;
                }
                deadlines.remove(due.getKey());
                Step step = process.onDeadline(state, due.getKey(), due.getValue());
                points.add(point(due.getValue(), "deadline " + due.getKey(), "fulfilment", step.decisions(),
                        deadlines));
                state = step.state();
                ended = apply(step, deadlines, open, due.getValue());
            }

            if (Origin.OPERATOR_ACTION.equals(origin)) {
                discrepancies.add(new Discrepancy("manual-intervention", at, name(event),
                        "an operator did this by hand", (String) message.getMetaData().get(Origin.OPERATOR),
                        (String) message.getMetaData().get(Origin.REASON)));
            } else if (causedByFulfilment(origin) && !fulfils(open, event)) {
                discrepancies.add(new Discrepancy("unexplained-event", at, name(event),
                        "the fulfilment caused an event it had not decided", null, null));
            } else if (!causedByFulfilment(origin)) {
                fulfils(open, event);
            }

            Step step = null;
            if (event instanceof FulfilmentRetryRequested retry) {
                step = process.retry(ended ? null : state, retry, at);
            } else if (state == null || ended) {
                if (event instanceof OrderPlaced || event instanceof PaymentReceivedAfterCancellation
                        || event instanceof RefundRequested) {
                    step = process.start(event, at);
                }
            } else {
                step = process.on(state, event, at);
            }
            if (step != null) {
                if (ended) {
                    deadlines.clear();
                }
                points.add(point(at, name(event), origin, step.decisions(), deadlines));
                state = step.state();
                ended = apply(step, deadlines, open, at);
            }
        }
        if (ended || state == null) {
            for (Expectation expectation : open) {
                if (expectation.required()) {
                    discrepancies.add(new Discrepancy("decision-not-carried-out", expectation.at(),
                            describe(expectation.decision()), "the fulfilment decided this but no event shows it",
                            null, null));
                }
            }
        }
        discrepancies.sort(Comparator.comparing(Discrepancy::at));
        return new Verdict(discrepancies.isEmpty(), points, discrepancies);
    }

    /** Applies a step's deadlines and expectations; true when it ends the fulfilment. */
    private static boolean apply(Step step, Map<String, Instant> deadlines, List<Expectation> open, Instant at) {
        for (Decision decision : step.decisions()) {
            if (decision instanceof Schedule s) {
                deadlines.put(s.name(), s.at());
            } else if (decision instanceof Unschedule u) {
                deadlines.remove(u.name());
            } else {
                Expectation expectation = expectation(decision, at);
                if (expectation != null) {
                    open.add(expectation);
                }
            }
        }
        if (step.ends()) {
            deadlines.clear();
            return true;
        }
        return false;
    }

    /** The events that show a decision took effect; required ones must show up before the fulfilment ends. */
    private static Expectation expectation(Decision decision, Instant at) {
        if (decision instanceof Send send) {
            Object c = send.command();
            if (c instanceof ReserveStock) {
                return new Expectation(decision, Set.of(StockReserved.class, StockReservationRejected.class), true, at);
            }
            if (c instanceof ReleaseStock) {
                return new Expectation(decision, Set.of(StockReleased.class), false, at);
            }
            if (c instanceof IssueReservedStock) {
                return new Expectation(decision, Set.of(StockIssued.class), true, at);
            }
            if (c instanceof DeliverOrder) {
                return new Expectation(decision, Set.of(OrderDelivered.class), true, at);
            }
            if (c instanceof CancelUnpaidOrder) {
                return new Expectation(decision, Set.of(OrderCancelled.class), false, at);
            }
            if (c instanceof RefundOrder) {
                return new Expectation(decision, Set.of(RefundRequested.class), true, at);
            }
            if (c instanceof RecordRefundFailure) {
                return new Expectation(decision, Set.of(RefundFailed.class), true, at);
            }
            if (c instanceof ReinstateOrder) {
                return new Expectation(decision, Set.of(OrderReinstated.class), true, at);
            }
            return null;
        }
        if (decision instanceof CreatePayment) {
            return new Expectation(decision, Set.of(PaymentRequested.class), false, at);
        }
        if (decision instanceof CheckPayment) {
            return new Expectation(decision, Set.of(PaymentConfirmed.class), false, at);
        }
        if (decision instanceof ExpireUnlessPaid) {
            return new Expectation(decision, Set.of(OrderCancelled.class, PaymentConfirmed.class), false, at);
        }
        if (decision instanceof RefundPayment) {
            return new Expectation(decision, Set.of(OrderRefunded.class), false, at);
        }
        if (decision instanceof BuyCardKeys) {
            return new Expectation(decision, Set.of(OrderDelivered.class, CardPurchaseFailed.class), false, at);
        }
        return null;
    }

    /** Consumes the oldest open expectation this event fulfils; false when none does. */
    private static boolean fulfils(List<Expectation> open, Object event) {
        for (Iterator<Expectation> it = open.iterator(); it.hasNext(); ) {
            Expectation expectation = it.next();
            if (expectation.outcomes().contains(event.getClass())) {
                it.remove();
                // a repeated step (a retry) expects the same trace: one event settles them all
                open.removeIf(other -> other.decision().getClass() == expectation.decision().getClass()
                        && other.outcomes().equals(expectation.outcomes()));
                return true;
            }
        }
        return false;
    }

    private static boolean causedByFulfilment(String origin) {
        return Origin.FULFILMENT.equals(origin) || Origin.PSP_STATUS_CHECK.equals(origin);
    }

    /** The decisions of a step as an auditor reads them: forgetting a deadline that was never set is left out. */
    private static DecisionPoint point(Instant at, String trigger, String origin, List<Decision> decisions,
                                       Map<String, Instant> pending) {
        return new DecisionPoint(at, trigger, origin == null ? "unknown" : origin, decisions.stream()
                .filter(d -> !(d instanceof Unschedule u) || pending.containsKey(u.name()))
                .map(SagaReplay::describe)
                .toList());
    }

    static String describe(Decision decision) {
        if (decision instanceof Send send) {
            return "send " + send.command().getClass().getSimpleName() + " " + withoutKeys(send.command());
        }
        if (decision instanceof Schedule s) {
            return "schedule " + s.name() + " at " + s.at();
        }
        if (decision instanceof Unschedule u) {
            return "unschedule " + u.name();
        }
        if (decision instanceof End) {
            return "end";
        }
        return decision.toString();
    }

    /** Commands are shown without the card keys they carry (sealed, but still nobody's business here). */
    private static String withoutKeys(Object command) {
        if (command instanceof DeliverOrder deliver) {
            return "[orderId=" + deliver.orderId() + ", cardKeys=" + deliver.cardKeys().size() + " sealed]";
        }
        String text = command.toString();
        int open = text.indexOf('[');
        return open >= 0 ? text.substring(open) : text;
    }

    private static String name(Object event) {
        return event.getClass().getSimpleName();
    }
}
