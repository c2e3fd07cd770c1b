package dev.cardflow.fulfilment.process;

import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.ReleaseStock;
import dev.cardflow.api.inventory.ReserveStock;
import dev.cardflow.api.inventory.StockIssued;
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
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.cardflow.fulfilment.process.Deadlines.*;
import static dev.cardflow.fulfilment.process.Fulfilment.Stage.*;

/**
 * The fulfilment of an order as a pure function: given where an order stands and what just
 * happened (an event with its time, or a deadline with the time it fired), it returns where the
 * order stands next and what to do. No I/O, no clock: the saga carries the decisions out, and the
 * audit replays the same function over an order's history to show what was decided and why.
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

    public static final String OUT_OF_STOCK = "out of stock";
    public static final String PAYMENT_OVERDUE = "payment not received in time";
    public static final String LATE_AND_OUT_OF_STOCK = "paid after the order was cancelled, and out of stock";
    public static final String WRONG_AMOUNT = "the amount paid differs from the order's amount";
    public static final String REFUND_NEEDS_OPERATOR =
            "the payment provider did not refund; an operator must refund by hand and confirm it";
    public static final String SUPPLIERS_FAILED = "the card suppliers could not issue the keys";

    /** The waits a step leaves behind, forgotten when the order moves on. */
    private static final List<String> PAYMENT_WAITS = List.of(PAYMENT_EXPIRY, PAYMENT_CREATION_RETRY, PAYMENT_CHECK);

    private final FulfilmentTimings timings;

    public FulfilmentProcess(FulfilmentTimings timings) {
        this.timings = timings;
    }

    public FulfilmentTimings timings() {
        return timings;
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
            Fulfilment s = new Fulfilment(e.orderId(), e.productId(), 0, e.amount(), e.source(), null, REFUNDING,
                    null, e.paymentId(), !e.delivered(), 0, false, e.method(), null);
            return refundRequested(s, e, at);
        }
        throw new IllegalArgumentException("a fulfilment does not start with " + event.getClass().getSimpleName());
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
        if (event instanceof CardPurchaseFailed e) {
            return cardPurchaseFailed(s, e, at);
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

    /**
     * An operator's retry: the current step again, now, with its tries counted afresh. Without a
     * running fulfilment ({@code s} is null) one is started from where the order stands.
     */
    public Step retry(Fulfilment s, FulfilmentRetryRequested e, Instant at) {
        Fulfilment current = s != null ? s : resumed(e, at);
        return switch (current.stage()) {
            case RESERVING_STOCK, RESERVING_FOR_LATE_PAYMENT -> Step.of(current.withStockRequested(),
                    new Send(new ReserveStock(current.productId(), current.orderId(), current.quantity())));
            case CREATING_PAYMENT -> requestPayment(current.at(CREATING_PAYMENT), at);
            case AWAITING_PAYMENT -> checkPayment(current.at(AWAITING_PAYMENT), at);
            case ISSUING_KEYS -> current.isPool()
                    ? Step.of(current, new Send(new IssueReservedStock(current.productId(), current.orderId())))
                    : buyKeys(current.at(ISSUING_KEYS), at);
            case REINSTATING -> Step.of(current, new Send(new ReinstateOrder(current.orderId())));
            case REFUNDING, REFUNDING_BY_HAND -> refund(current.at(REFUNDING), at);
            case SETTLED -> Step.of(current, new End());
        };
    }

    /** A fulfilment rebuilt from an order's status, for a retry that finds none running. */
    private Fulfilment resumed(FulfilmentRetryRequested e, Instant at) {
        boolean pool = e.source() == ProductSource.POOL;
        Fulfilment.Stage stage = switch (e.status()) {
            case PLACED -> pool ? RESERVING_STOCK : CREATING_PAYMENT;
            case PENDING_PAYMENT -> AWAITING_PAYMENT;
            case PAID -> ISSUING_KEYS;
            case CANCELLED -> pool ? RESERVING_FOR_LATE_PAYMENT : REINSTATING;
            case REFUNDING -> REFUNDING;
            case DELIVERED, REFUNDED -> SETTLED;
        };
        Instant payBy = e.payBy() != null ? e.payBy() : at.plus(timings.paymentExpiry());
        Fulfilment s = new Fulfilment(e.orderId(), e.productId(), e.quantity(), e.amount(), e.source(), e.sku(),
                stage, payBy, e.paymentId(), pool && stage != RESERVING_STOCK, 0, false, e.method(), e.productName());
        return s;
    }

    /** The next step when the deadline {@code name} fires at {@code at}. */
    public Step onDeadline(Fulfilment s, String name, Instant at) {
        return switch (name) {
            case PAYMENT_EXPIRY -> paymentExpired(s, at);
            case PAYMENT_CREATION_RETRY -> s.stage() == CREATING_PAYMENT && at.isBefore(s.payBy())
                    ? requestPayment(s.nextAttempt(), at) : Step.of(s);
            case PAYMENT_CHECK -> s.stage() == AWAITING_PAYMENT ? checkPayment(s.nextAttempt(), at) : Step.of(s);
            case REFUND_RETRY -> s.stage() == REFUNDING ? retryRefund(s, at) : Step.of(s);
            case CARD_PURCHASE_RETRY -> s.stage() == ISSUING_KEYS && !s.isPool()
                    ? retryPurchase(s, at) : Step.of(s);
            default -> Step.of(s);
        };
    }

    private Step placed(OrderPlaced e, Instant at) {
        Instant payBy = at.plus(timings.paymentExpiry());
        Fulfilment s = Fulfilment.of(e.orderId(), e.productId(), e.quantity(), e.amount(), e.source(), e.sku(),
                RESERVING_STOCK, payBy, e.method(), e.productName());
        Schedule expiry = new Schedule(PAYMENT_EXPIRY, payBy);
        if (s.isPool()) {
            return Step.of(s.withStockRequested(), expiry,
                    new Send(new ReserveStock(e.productId(), e.orderId(), e.quantity())));
        }
        return then(expiry, requestPayment(s.at(CREATING_PAYMENT), at));
    }

    private Step stockReserved(Fulfilment s, Instant at) {
        if (s.stage() == RESERVING_STOCK) {
            return requestPayment(s.at(CREATING_PAYMENT), at);
        }
        if (s.stage() == RESERVING_FOR_LATE_PAYMENT) {
            return Step.of(s.at(REINSTATING), new Send(new ReinstateOrder(s.orderId())));
        }
        return Step.of(s);
    }

    private Step stockRejected(Fulfilment s) {
        if (s.stage() == RESERVING_STOCK) {
            return Step.of(s, new Send(new CancelUnpaidOrder(s.orderId(), OUT_OF_STOCK)));
        }
        if (s.stage() == RESERVING_FOR_LATE_PAYMENT) {
            return Step.of(s.at(REFUNDING), new Send(new RefundOrder(s.orderId(), LATE_AND_OUT_OF_STOCK)));
        }
        return Step.of(s);
    }

    private Step requestPayment(Fulfilment s, Instant at) {
        return Step.of(s,
                new CreatePayment(s.orderId(), s.paymentMethod(), s.amount(), s.quantity(), s.productName(), s.payBy()),
                new Schedule(PAYMENT_CREATION_RETRY, at.plus(timings.stepRetryAfter(s.attempts()))));
    }

    private Step paymentRequested(Fulfilment s, PaymentRequested e, Instant at) {
        if (s.stage() != CREATING_PAYMENT) {
            return Step.of(s.withPayment(e.paymentId()));
        }
        return Step.of(s.withPayment(e.paymentId()).at(AWAITING_PAYMENT),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Schedule(PAYMENT_CHECK, at.plus(timings.paymentCheckAfter(0))));
    }

    private Step checkPayment(Fulfilment s, Instant at) {
        return Step.of(s,
                new CheckPayment(s.orderId(), s.paymentMethod(), s.paymentId()),
                new Schedule(PAYMENT_CHECK, at.plus(timings.paymentCheckAfter(s.attempts()))));
    }

    /** First ask the PSP whether the buyer paid after all; if that answer never comes, cancel outright. */
    private Step paymentExpired(Fulfilment s, Instant at) {
        if (!s.isUnpaid()) {
            return Step.of(s);
        }
        if (s.paymentId() == null || s.expiring()) {
            return Step.of(s, new Send(new CancelUnpaidOrder(s.orderId(), PAYMENT_OVERDUE)));
        }
        return Step.of(s.markExpiring(),
                new ExpireUnlessPaid(s.orderId(), s.paymentMethod(), s.paymentId(), PAYMENT_OVERDUE),
                new Schedule(PAYMENT_EXPIRY, at.plus(timings.stepTimeout())));
    }

    private Step paymentConfirmed(Fulfilment s, PaymentConfirmed e, Instant at) {
        Fulfilment paid = s.withPayment(e.paymentId());
        if (!e.amount().equals(s.amount())) {
            return then(unschedule(PAYMENT_WAITS),
                    Step.of(paid.at(REFUNDING), new Send(new RefundOrder(s.orderId(), WRONG_AMOUNT))));
        }
        return issueKeys(paid.at(ISSUING_KEYS), at);
    }

    private Step issueKeys(Fulfilment s, Instant at) {
        if (s.isPool()) {
            return then(unschedule(PAYMENT_WAITS),
                    Step.of(s, new Send(new IssueReservedStock(s.productId(), s.orderId()))));
        }
        return then(unschedule(PAYMENT_WAITS), buyKeys(s, at));
    }

    /** One try to buy the keys, watched by a deadline in case its answer never comes. */
    private Step buyKeys(Fulfilment s, Instant at) {
        return Step.of(s,
                new BuyCardKeys(s.orderId(), s.sku(), s.quantity(), "ck-" + s.orderId(), s.attempts() + 1,
                        timings.cardPurchaseAttempts()),
                new Schedule(CARD_PURCHASE_RETRY, at.plus(timings.stepTimeout())));
    }

    /** Another try, unless the budget is spent (the answers of the last tries never came): then refund. */
    private Step retryPurchase(Fulfilment s, Instant at) {
        if (s.attempts() + 1 >= timings.cardPurchaseAttempts()) {
            return Step.of(s.at(REFUNDING), new Send(new RefundOrder(s.orderId(), SUPPLIERS_FAILED)));
        }
        return buyKeys(s.nextAttempt(), at);
    }

    private Step cardPurchaseFailed(Fulfilment s, CardPurchaseFailed e, Instant at) {
        if (s.stage() != ISSUING_KEYS || s.isPool() || e.attempt() != s.attempts() + 1) {
            return Step.of(s);
        }
        if (e.attempt() >= timings.cardPurchaseAttempts()) {
            return Step.of(s.at(REFUNDING), new Unschedule(CARD_PURCHASE_RETRY),
                    new Send(new RefundOrder(s.orderId(), SUPPLIERS_FAILED)));
        }
        return Step.of(s, new Schedule(CARD_PURCHASE_RETRY, at.plus(timings.stepRetryAfter(s.attempts()))));
    }

    private Step latePayment(PaymentReceivedAfterCancellation e) {
        Fulfilment s = Fulfilment.of(e.orderId(), e.productId(), e.quantity(), e.orderAmount(), e.source(), e.sku(),
                RESERVING_FOR_LATE_PAYMENT, null, e.method(), null).withPayment(e.paymentId());
        if (!e.amount().equals(e.orderAmount())) {
            return Step.of(s.at(REFUNDING), new Send(new RefundOrder(e.orderId(), WRONG_AMOUNT)));
        }
        if (s.isPool()) {
            return Step.of(s.withStockRequested(),
                    new Send(new ReserveStock(e.productId(), e.orderId(), e.quantity())));
        }
        return Step.of(s.at(REINSTATING), new Send(new ReinstateOrder(e.orderId())));
    }

    private Step cancelled(Fulfilment s) {
        List<Decision> decisions = new ArrayList<>(unschedule(PAYMENT_WAITS).decisions());
        if (s.isPool() && s.stockRequested()) {
            decisions.add(new Send(new ReleaseStock(s.productId(), s.orderId())));
        }
        if (s.paymentId() != null && s.isUnpaid()) {
            decisions.add(new CancelPayment(s.orderId(), s.paymentMethod(), s.paymentId()));
        }
        decisions.add(new End());
        return new Step(s.at(SETTLED), decisions);
    }

    private Step refundRequested(Fulfilment s, RefundRequested e, Instant at) {
        Fulfilment refunding = s.withPayment(e.paymentId()).withAmount(e.amount()).at(REFUNDING);
        List<Decision> decisions = new ArrayList<>(unschedule(List.of(PAYMENT_EXPIRY, PAYMENT_CREATION_RETRY,
                PAYMENT_CHECK, CARD_PURCHASE_RETRY)).decisions());
        if (refunding.isPool() && s.stockRequested() && !e.delivered()) {
            decisions.add(new Send(new ReleaseStock(s.productId(), s.orderId())));
        }
        decisions.addAll(refund(refunding, at).decisions());
        return new Step(refunding, decisions);
    }

    private Step refund(Fulfilment s, Instant at) {
        return Step.of(s,
                new RefundPayment(s.orderId(), s.paymentMethod(), s.paymentId(), RefundRequested.refundIdFor(s.orderId()),
                        s.amount()),
                new Schedule(REFUND_RETRY, at.plus(timings.stepRetryAfter(s.attempts()))));
    }

    /**
     * Another try at the provider's refund, unless the budget is spent: then an operator must refund
     * by hand (many EPay gateways cannot refund at all), and the process waits for that.
     */
    private Step retryRefund(Fulfilment s, Instant at) {
        if (s.attempts() + 1 >= timings.refundAttempts()) {
            return Step.of(s.at(REFUNDING_BY_HAND),
                    new Send(new RecordRefundFailure(s.orderId(), s.attempts() + 1, REFUND_NEEDS_OPERATOR)));
        }
        return refund(s.nextAttempt(), at);
    }

    private Step settle(Fulfilment s) {
        List<Decision> decisions = new ArrayList<>(unschedule(List.of(PAYMENT_EXPIRY, PAYMENT_CREATION_RETRY,
                PAYMENT_CHECK, REFUND_RETRY, CARD_PURCHASE_RETRY)).decisions());
        decisions.add(new End());
        return new Step(s.at(SETTLED), decisions);
    }

    private static Step unschedule(List<String> names) {
        return new Step(null, names.stream().<Decision>map(Unschedule::new).toList());
    }

    /** The decisions of {@code first}, then those of {@code next}, ending in {@code next}'s state. */
    private static Step then(Decision first, Step next) {
        return then(Step.of(null, first), next);
    }

    private static Step then(Step first, Step next) {
        List<Decision> all = new ArrayList<>(first.decisions());
        all.addAll(next.decisions());
        return new Step(next.state(), all);
    }
}
