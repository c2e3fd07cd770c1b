package dev.cardflow.fulfilment.process;

import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ReleaseStock;
import dev.cardflow.api.inventory.ReserveStock;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.fulfilment.process.Decision.CheckPayment;
import dev.cardflow.fulfilment.process.Decision.CreatePayment;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Send;
import dev.cardflow.fulfilment.process.Decision.Unschedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.cardflow.fulfilment.process.Deadlines.*;
import static dev.cardflow.fulfilment.process.Fulfilment.Stage.*;

/**
 * The fulfilment of an order as a pure function: given where an order stands and what just
 * happened (an event with its time, or a deadline), it returns where the order stands next and
 * what to do. No I/O, no clock: the saga carries the decisions out, and the audit replays the
 * same function over an order's history to show what the saga decided and why.
 */
public final class FulfilmentProcess {

    /** The state after a step and the decisions it took. */
    public record Step(Fulfilment state, List<Decision> decisions) {

        static Step of(Fulfilment state, Decision... decisions) {
            return new Step(state, List.of(decisions));
        }

        public boolean ends() {
            return decisions.stream().anyMatch(End.class::isInstance);
        }
    }

    static final String OUT_OF_STOCK = "out of stock";
    static final String PAYMENT_OVERDUE = "payment not received in time";
    static final String LATE_AND_OUT_OF_STOCK = "paid after the order was cancelled, and out of stock";
    static final String WRONG_AMOUNT = "the amount paid differs from the order's amount";

    private final FulfilmentTimings timings;

    public FulfilmentProcess(FulfilmentTimings timings) {
        this.timings = timings;
    }

    /** The events that open a fulfilment: a new order, a payment after cancellation, a refund. */
    public Step start(Object event, Instant at) {
        if (event instanceof OrderPlaced e) {
            return placed(e, at);
        }
        if (event instanceof PaymentReceivedAfterCancellation e) {
            return latePayment(e);
        }
        if (event instanceof RefundRequested e) {
            return refundRequested(new Fulfilment(e.orderId(), e.productId(), 0, e.amount(), e.source(), null,
                    REFUNDING, null, e.paymentId(), !e.delivered(), 0), e, at);
        }
        throw new IllegalArgumentException("a fulfilment does not start with " + event);
    }

    /** The next step after {@code event}, which happened at {@code at}. */
    public Step on(Fulfilment s, Object event, Instant at) {
        if (event instanceof StockReserved) {
            return stockReserved(s, at);
        }
        if (event instanceof StockReservationRejected) {
            return stockRejected(s);
        }
        if (event instanceof PaymentRequested e) {
            return paymentRequested(s, e, at);
        }
        if (event instanceof PaymentConfirmed e) {
            return paymentConfirmed(s, e, at);
        }
        if (event instanceof PaymentReceivedAfterCancellation e) {
            return s.stage() == SETTLED ? latePayment(e) : Step.of(s);
        }
        if (event instanceof OrderReinstated) {
            return issueKeys(s.at(ISSUING_KEYS), at);
        }
        if (event instanceof StockIssued e) {
            return Step.of(s, new Send(new DeliverOrder(s.orderId(), e.keys())));
        }
        if (event instanceof OrderDelivered || event instanceof OrderRefunded) {
            return settle(s);
        }
        if (event instanceof OrderCancelled) {
            return cancelled(s);
        }
        if (event instanceof RefundRequested e) {
            return refundRequested(s, e, at);
        }
        return Step.of(s);
    }

    /** The next step when the deadline {@code name} fires at {@code at}. */
    public Step onDeadline(Fulfilment s, String name, Instant at) {
        return switch (name) {
            case PAYMENT_EXPIRY -> s.stage() == CREATING_PAYMENT || s.stage() == AWAITING_PAYMENT
                    || s.stage() == RESERVING_STOCK
                    ? Step.of(s, new Send(new CancelUnpaidOrder(s.orderId(), PAYMENT_OVERDUE)))
                    : Step.of(s);
            case PAYMENT_CREATION_RETRY -> s.stage() == CREATING_PAYMENT && at.isBefore(s.payBy())
                    ? requestPayment(s.nextAttempt(), at)
                    : Step.of(s);
            case PAYMENT_CHECK -> s.stage() == AWAITING_PAYMENT
                    ? checkPayment(s.nextAttempt(), at)
                    : Step.of(s);
            case REFUND_RETRY -> s.stage() == REFUNDING
                    ? refund(s.nextAttempt(), at)
                    : Step.of(s);
            case CARD_PURCHASE_RETRY -> s.stage() == ISSUING_KEYS && !s.isPool()
                    ? buyKeys(s.nextAttempt(), at)
                    : Step.of(s);
            default -> Step.of(s);
        };
    }

    private Step placed(OrderPlaced e, Instant at) {
        Instant payBy = at.plus(timings.paymentExpiry());
        Fulfilment s = new Fulfilment(e.orderId(), e.productId(), e.quantity(), e.amount(), e.source(), e.sku(),
                RESERVING_STOCK, payBy, null, false, 0);
        if (s.isPool()) {
            return Step.of(s.withStockRequested(),
                    new Schedule(PAYMENT_EXPIRY, payBy),
                    new Send(new ReserveStock(e.productId(), e.orderId(), e.quantity())));
        }
        Step payment = requestPayment(s.at(CREATING_PAYMENT), at);
        return new Step(payment.state(), prepend(new Schedule(PAYMENT_EXPIRY, payBy), payment.decisions()));
    }

    private Step stockReserved(Fulfilment s, Instant at) {
        return switch (s.stage()) {
            case RESERVING_STOCK -> requestPayment(s.at(CREATING_PAYMENT), at);
            case RESERVING_FOR_LATE_PAYMENT -> Step.of(s.at(REINSTATING), new Send(new ReinstateOrder(s.orderId())));
            default -> Step.of(s);
        };
    }

    private Step stockRejected(Fulfilment s) {
        return switch (s.stage()) {
            case RESERVING_STOCK -> Step.of(s, new Send(new CancelUnpaidOrder(s.orderId(), OUT_OF_STOCK)));
            case RESERVING_FOR_LATE_PAYMENT -> Step.of(s.at(REFUNDING),
                    new Send(new RefundOrder(s.orderId(), LATE_AND_OUT_OF_STOCK)));
            default -> Step.of(s);
        };
    }

    private Step requestPayment(Fulfilment s, Instant at) {
        return Step.of(s,
                new CreatePayment(s.orderId(), s.amount(), s.payBy()),
                new Schedule(PAYMENT_CREATION_RETRY, at.plus(timings.stepRetryAfter(s.attempts()))));
    }

    private Step paymentRequested(Fulfilment s, PaymentRequested e, Instant at) {
        if (s.stage() != CREATING_PAYMENT) {
            return Step.of(s.withPayment(e.paymentId()));
        }
        Fulfilment waiting = s.withPayment(e.paymentId()).at(AWAITING_PAYMENT);
        return Step.of(waiting,
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Schedule(PAYMENT_CHECK, at.plus(timings.paymentCheckAfter(0))));
    }

    private Step checkPayment(Fulfilment s, Instant at) {
        return Step.of(s,
                new CheckPayment(s.orderId(), s.paymentId()),
                new Schedule(PAYMENT_CHECK, at.plus(timings.paymentCheckAfter(s.attempts()))));
    }

    private Step paymentConfirmed(Fulfilment s, PaymentConfirmed e, Instant at) {
        Fulfilment paid = s.withPayment(e.paymentId()).at(ISSUING_KEYS);
        if (!e.amount().equals(s.amount())) {
            return Step.of(paid.at(REFUNDING), new Unschedule(PAYMENT_EXPIRY), new Unschedule(PAYMENT_CREATION_RETRY),
                    new Unschedule(PAYMENT_CHECK), new Send(new RefundOrder(s.orderId(), WRONG_AMOUNT)));
        }
        return issueKeys(paid, at);
    }

    private Step issueKeys(Fulfilment s, Instant at) {
        List<Decision> decisions = new ArrayList<>(List.of(
                new Unschedule(PAYMENT_EXPIRY), new Unschedule(PAYMENT_CREATION_RETRY), new Unschedule(PAYMENT_CHECK)));
        if (s.isPool()) {
            decisions.add(new Send(new IssueReservedStock(s.productId(), s.orderId())));
            return new Step(s, decisions);
        }
        Step buying = buyKeys(s, at);
        decisions.addAll(buying.decisions());
        return new Step(buying.state(), decisions);
    }

    private Step buyKeys(Fulfilment s, Instant at) {
        return Step.of(s,
                new BuyCardKeys(s.orderId(), s.sku(), s.quantity(), "ck-" + s.orderId()),
                new Schedule(CARD_PURCHASE_RETRY, at.plus(timings.stepRetryAfter(s.attempts()))));
    }

    private Step latePayment(PaymentReceivedAfterCancellation e) {
        Fulfilment s = new Fulfilment(e.orderId(), e.productId(), e.quantity(), e.orderAmount(), e.source(), e.sku(),
                RESERVING_FOR_LATE_PAYMENT, null, e.paymentId(), false, 0);
        if (!e.amount().equals(e.orderAmount())) {
            return Step.of(s.at(REFUNDING), new Send(new RefundOrder(e.orderId(), WRONG_AMOUNT)));
        }
        if (s.isPool()) {
            return Step.of(s.withStockRequested(), new Send(new ReserveStock(e.productId(), e.orderId(), e.quantity())));
        }
        return Step.of(s.at(REINSTATING), new Send(new ReinstateOrder(e.orderId())));
    }

    private Step cancelled(Fulfilment s) {
        List<Decision> decisions = new ArrayList<>(List.of(new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY), new Unschedule(PAYMENT_CHECK)));
        if (s.isPool() && s.stockRequested()) {
            decisions.add(new Send(new ReleaseStock(s.productId(), s.orderId())));
        }
        decisions.add(new End());
        return new Step(s.at(SETTLED), decisions);
    }

    private Step refundRequested(Fulfilment s, RefundRequested e, Instant at) {
        Fulfilment refunding = s.withPayment(e.paymentId()).at(REFUNDING);
        List<Decision> decisions = new ArrayList<>(List.of(new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY), new Unschedule(PAYMENT_CHECK),
                new Unschedule(CARD_PURCHASE_RETRY)));
        if (refunding.isPool() && s.stockRequested() && !e.delivered()) {
            decisions.add(new Send(new ReleaseStock(s.productId(), s.orderId())));
        }
        Step refund = refund(new Fulfilment(refunding.orderId(), refunding.productId(), refunding.quantity(),
                e.amount(), refunding.source(), refunding.sku(), REFUNDING, refunding.payBy(), e.paymentId(),
                refunding.stockRequested(), 0), at);
        decisions.addAll(refund.decisions());
        return new Step(refund.state(), decisions);
    }

    private Step refund(Fulfilment s, Instant at) {
        return Step.of(s,
                new RefundPayment(s.orderId(), s.paymentId(), RefundRequested.refundIdFor(s.orderId()), s.amount()),
                new Schedule(REFUND_RETRY, at.plus(timings.stepRetryAfter(s.attempts()))));
    }

    private Step settle(Fulfilment s) {
        return Step.of(s.at(SETTLED), new Unschedule(PAYMENT_EXPIRY), new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK), new Unschedule(REFUND_RETRY), new Unschedule(CARD_PURCHASE_RETRY),
                new End());
    }

    private static List<Decision> prepend(Decision first, List<Decision> rest) {
        List<Decision> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
