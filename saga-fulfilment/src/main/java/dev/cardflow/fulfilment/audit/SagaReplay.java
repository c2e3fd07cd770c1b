package dev.cardflow.fulfilment.audit;

import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.fulfilment.process.DeadlineSignal;
import dev.cardflow.fulfilment.process.Decision;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.Proof;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Send;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Fulfilment;
import dev.cardflow.fulfilment.process.FulfilmentInput;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;
import dev.cardflow.fulfilment.process.FulfilmentRoutes;
import dev.cardflow.fulfilment.process.OrderSoFar;
import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** A decision still waiting for the events that prove it. */
    private record Expectation(Decision decision, Proof proof, Instant at) {
    }

    private final FulfilmentProcess process;

    public SagaReplay(FulfilmentProcess process) {
        this.process = process;
    }

    public Verdict replay(List<DomainEventMessage<?>> history) {
        Fulfilment state = null;
        boolean ended = false;
        OrderSoFar[] order = {OrderSoFar.UNKNOWN};
        Map<DeadlineSignal, Instant> deadlines = new LinkedHashMap<>();
        List<Expectation> open = new ArrayList<>();
        List<DecisionPoint> points = new ArrayList<>();
        List<Discrepancy> discrepancies = new ArrayList<>();

        for (DomainEventMessage<?> message : history) {
            Object event = message.getPayload();
            Instant at = message.getTimestamp();
            String origin = (String) message.getMetaData().get(Origin.ORIGIN);

            while (!ended && state != null && !deadlines.isEmpty()) {
                Map.Entry<DeadlineSignal, Instant> due = deadlines.entrySet().stream()
                        .min(Map.Entry.comparingByValue()).orElseThrow();
                if (due.getValue().isAfter(at)) {
                    break;
                }
                deadlines.remove(due.getKey());
                Step step = process.handle(state, new FulfilmentInput.Deadline(due.getKey()), due.getValue(),
                        id -> order[0]);
                points.add(point(due.getValue(), "deadline " + due.getKey().deadlineName(), "fulfilment",
                        step.decisions(), deadlines));
                state = step.state();
                ended = apply(step, deadlines, open, due.getValue());
            }

            if (Origin.OPERATOR_ACTION.equals(origin) && awaitsOperator(ended ? null : state, event)) {
                // a MANUAL order's delivery by hand is the step its fulfilment waits for, not an intervention
                fulfils(open, event);
            } else if (Origin.OPERATOR_ACTION.equals(origin)) {
                discrepancies.add(new Discrepancy("manual-intervention", at, name(event),
                        "an operator did this by hand", (String) message.getMetaData().get(Origin.OPERATOR),
                        (String) message.getMetaData().get(Origin.REASON)));
            } else if (causedByFulfilment(origin) && !fulfils(open, event)) {
                discrepancies.add(new Discrepancy("unexplained-event", at, name(event),
                        "the fulfilment caused an event it had not decided", null, null));
            } else if (!causedByFulfilment(origin)) {
                fulfils(open, event);
            }

            // the saga reads the order's facts from the store, where this event already is
            order[0] = order[0].with(event);
            Optional<FulfilmentInput> input = FulfilmentRoutes.route(event);
            Fulfilment running = ended ? null : state;
            if (input.isPresent() && (running != null || input.get().opens())) {
                Step step = process.handle(running, input.get(), at, id -> order[0]);
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
                if (expectation.proof().required()) {
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
    private static boolean apply(Step step, Map<DeadlineSignal, Instant> deadlines, List<Expectation> open,
                                 Instant at) {
        for (Decision decision : step.decisions()) {
            if (decision instanceof Schedule s) {
                deadlines.put(s.deadline(), s.at());
            } else if (decision instanceof Unschedule u) {
                deadlines.remove(u.deadline());
            } else if (decision.provenBy().leavesATrace()) {
                open.add(new Expectation(decision, decision.provenBy(), at));
            }
        }
        if (step.ends() || step.state() == null) {
            deadlines.clear();
            return true;
        }
        return false;
    }

    /** Consumes the oldest open expectation this event fulfils; false when none does. */
    private static boolean fulfils(List<Expectation> open, Object event) {
        for (Iterator<Expectation> it = open.iterator(); it.hasNext(); ) {
            Expectation expectation = it.next();
            if (expectation.proof().events().contains(event.getClass())) {
                it.remove();
                // a repeated step (a retry) expects the same trace: one event settles them all
                open.removeIf(other -> other.decision().getClass() == expectation.decision().getClass()
                        && other.proof().equals(expectation.proof()));
                return true;
            }
        }
        return false;
    }

    private static boolean awaitsOperator(Fulfilment state, Object event) {
        return state != null && state.stage() instanceof Fulfilment.Stage.AwaitingOperator
                && event instanceof OrderDelivered;
    }

    private static boolean causedByFulfilment(String origin) {
        return Origin.FULFILMENT.equals(origin) || Origin.PSP_STATUS_CHECK.equals(origin);
    }

    /** The decisions of a step as an auditor reads them: forgetting a deadline that was never set is left out. */
    private static DecisionPoint point(Instant at, String trigger, String origin, List<Decision> decisions,
                                       Map<DeadlineSignal, Instant> pending) {
        return new DecisionPoint(at, trigger, origin == null ? "unknown" : origin, decisions.stream()
                .filter(d -> !(d instanceof Unschedule u) || pending.containsKey(u.deadline()))
                .map(SagaReplay::describe)
                .toList());
    }

    static String describe(Decision decision) {
        if (decision instanceof Send send) {
            return "send " + send.command().getClass().getSimpleName() + " " + withoutKeys(send.command());
        }
        if (decision instanceof Schedule s) {
            return "schedule " + s.deadline().deadlineName() + " at " + s.at();
        }
        if (decision instanceof Unschedule u) {
            return "unschedule " + u.deadline().deadlineName();
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
