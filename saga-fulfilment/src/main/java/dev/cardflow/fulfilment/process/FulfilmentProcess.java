package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.coupon.ReturnCouponUse;
import dev.cardflow.api.inventory.IssueReservedStock;
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
import dev.cardflow.api.order.PaymentCheckRequested;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.fulfilment.process.Decision.AskRefund;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.fulfilment.process.Decision.CancelPayment;
import dev.cardflow.fulfilment.process.Decision.CancelUnpaid;
import dev.cardflow.fulfilment.process.Decision.CheckPayment;
import dev.cardflow.fulfilment.process.Decision.CreatePayment;
import dev.cardflow.fulfilment.process.Decision.Deliver;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.ExpireUnlessPaid;
import dev.cardflow.fulfilment.process.Decision.FreeStock;
import dev.cardflow.fulfilment.process.Decision.GiveBackCoupon;
import dev.cardflow.fulfilment.process.Decision.HoldStock;
import dev.cardflow.fulfilment.process.Decision.IssueStock;
import dev.cardflow.fulfilment.process.Decision.LeaveRefundToOperator;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Decision.Reinstate;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Fulfilment.Stage;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.AwaitingOperator;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.AwaitingPayment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.CreatingPayment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.IssuingKeys;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.Refunding;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.RefundingByHand;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.Reinstating;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.ReservingForLatePayment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.ReservingStock;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.Settled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.cardflow.fulfilment.process.DeadlineSignal.*;

/**
 * The fulfilment of an order as a pure function: given where an order stands and what just
 * happened (a {@link FulfilmentInput}: an event, or a deadline, with its time), it returns where the
 * order stands next and what to do. No I/O, no clock: the saga carries the decisions out, and the
 * audit replays the same function over an order's history to show what was decided and why.
 */
public final class FulfilmentProcess {

    /** The state after a step and the decisions it took; a {@code null} state: no fulfilment runs. */
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
    public static final String RETRIED_REFUND = "refund retried by an operator";

    /** The waits of the unpaid stages, forgotten when the order moves on. */
    private static final List<DeadlineSignal> PAYMENT_WAITS = List.of(PAYMENT_EXPIRY, PAYMENT_CREATION_RETRY,
            PAYMENT_CHECK);

    private final FulfilmentTimings timings;

    public FulfilmentProcess(FulfilmentTimings timings) {
        this.timings = timings;
    }

    public FulfilmentTimings timings() {
        return timings;
    }

    /**
     * The next step after {@code input}, which happened at {@code at}. {@code state} is {@code null}
     * when no fulfilment runs: then only an input that {@link FulfilmentInput#opens() opens} one does
     * anything, and {@code orders} tells what the order is (for those that follow its placement).
     */
    public Step handle(Fulfilment state, FulfilmentInput input, Instant at, OrderFactsSource orders) {
        return input.accept(new Reaction(state, at, orders));
    }

    /** The reaction of the fulfilment in {@code s} to each input. */
    private final class Reaction implements FulfilmentInput.Visitor<Step> {

        private final Fulfilment s;
        private final Instant at;
        private final OrderFactsSource orders;

        Reaction(Fulfilment s, Instant at, OrderFactsSource orders) {
            this.s = s;
            this.at = at;
            this.orders = orders;
        }

        private Step unchanged() {
            return Step.of(s);
        }

        @Override
        public Step placed(OrderPlaced e) {
            return s == null ? FulfilmentProcess.this.placed(e, at) : unchanged();
        }

        @Override
        public Step stockReserved(StockReserved e) {
            if (s == null) {
                return unchanged();
            }
            if (s.stage() instanceof ReservingStock r) {
                return requestPayment(s.at(new CreatingPayment(r.payBy(), 0)), at);
            }
            if (s.stage() instanceof ReservingForLatePayment) {
                return Step.of(s.at(new Reinstating()), reinstate(s));
            }
            return unchanged();
        }

        @Override
        public Step stockRejected(StockReservationRejected e) {
            if (s == null) {
                return unchanged();
            }
            if (s.stage() instanceof ReservingStock) {
                return Step.of(s, new CancelUnpaid(new CancelUnpaidOrder(s.orderId(), OUT_OF_STOCK)));
            }
            if (s.stage() instanceof ReservingForLatePayment) {
                return askRefund(s.at(new Refunding(null, null, 0, true)), LATE_AND_OUT_OF_STOCK);
            }
            return unchanged();
        }

        /** The buyer says the payment is made: ask the provider now; the reconciliation's own cadence goes on. */
        @Override
        public Step paymentCheckRequested(PaymentCheckRequested e) {
            if (s != null && s.stage() instanceof AwaitingPayment a) {
                return Step.of(s, new CheckPayment(s.orderId(), s.order().paymentMethod(), a.paymentId()));
            }
            return unchanged();
        }

        @Override
        public Step paymentRequested(PaymentRequested e) {
            if (s == null) {
                return unchanged();
            }
            if (s.stage() instanceof CreatingPayment c) {
                return Step.of(s.at(new AwaitingPayment(c.payBy(), e.paymentId(), 0, false)),
                        new Unschedule(PAYMENT_CREATION_RETRY),
                        new Schedule(PAYMENT_CHECK, at.plus(timings.paymentCheckAfter(0))));
            }
            if (s.stage() instanceof AwaitingPayment a) {
                return Step.of(s.at(new AwaitingPayment(a.payBy(), e.paymentId(), a.attempts(), a.expiring())));
            }
            return unchanged();
        }

        @Override
        public Step paymentConfirmed(PaymentConfirmed e) {
            if (s == null) {
                return unchanged();
            }
            if (!e.amount().equals(s.order().amount())) {
                return then(unschedule(PAYMENT_WAITS),
                        askRefund(s.at(new Refunding(e.paymentId(), e.amount(), 0, s.holdsStock())), WRONG_AMOUNT));
            }
            return issueKeys(s.at(new IssuingKeys(0)), at);
        }

        @Override
        public Step paidLate(PaymentReceivedAfterCancellation e) {
            if (s != null && !(s.stage() instanceof Settled)) {
                return unchanged();
            }
            OrderFacts order = s != null ? s.order() : orders.order(e.orderId()).facts();
            return order == null ? unchanged() : latePayment(order, e);
        }

        @Override
        public Step reinstated(OrderReinstated e) {
            return s == null ? unchanged() : issueKeys(s.at(new IssuingKeys(0)), at);
        }

        @Override
        public Step stockIssued(StockIssued e) {
            return s == null ? unchanged() : Step.of(s, new Deliver(new DeliverOrder(s.orderId(), e.keys())));
        }

        @Override
        public Step cardPurchaseFailed(CardPurchaseFailed e) {
            if (s == null || !(s.stage() instanceof IssuingKeys issuing) || s.order().isPool()
                    || e.attempt() != issuing.attempts() + 1) {
                return unchanged();
            }
            if (e.attempt() >= timings.cardPurchaseAttempts()) {
                return then(Step.of(null, new Unschedule(CARD_PURCHASE_RETRY)),
                        askRefund(s.at(new Refunding(null, null, 0, s.holdsStock())), SUPPLIERS_FAILED));
            }
            return Step.of(s, new Schedule(CARD_PURCHASE_RETRY, at.plus(timings.stepRetryAfter(issuing.attempts()))));
        }

        @Override
        public Step delivered(OrderDelivered e) {
            return s == null ? unchanged() : settle(s);
        }

        @Override
        public Step refundRequested(RefundRequested e) {
            if (s == null || s.stage() instanceof Settled) {
                OrderFacts order = s != null ? s.order() : orders.order(e.orderId()).facts();
                if (order == null) {
                    return unchanged();
                }
                return FulfilmentProcess.this.refundRequested(
                        new Fulfilment(order, new Refunding(null, null, 0, !e.delivered())), e, at);
            }
            return FulfilmentProcess.this.refundRequested(s, e, at);
        }

        @Override
        public Step refunded(OrderRefunded e) {
            return s == null ? unchanged() : settle(s);
        }

        @Override
        public Step cancelled(OrderCancelled e) {
            return s == null ? unchanged() : FulfilmentProcess.this.cancelled(s);
        }

        @Override
        public Step retryRequested(FulfilmentRetryRequested e) {
            Fulfilment current = s != null ? s : resumed(e, orders.order(e.orderId()), at);
            return current == null ? unchanged() : current.stage().accept(new Retry(current, at));
        }

        @Override
        public Step deadline(DeadlineSignal signal) {
            return s == null ? unchanged() : onDeadline(s, signal, at);
        }
    }

    /** An operator's retry: the current step again, now, with its tries counted afresh. */
    private final class Retry implements Stage.Visitor<Step> {

        private final Fulfilment s;
        private final Instant at;

        Retry(Fulfilment s, Instant at) {
            this.s = s;
            this.at = at;
        }

        @Override
        public Step reservingStock(ReservingStock stage) {
            return Step.of(s, holdStock(s));
        }

        @Override
        public Step creatingPayment(CreatingPayment stage) {
            return requestPayment(s.at(new CreatingPayment(stage.payBy(), 0)), at);
        }

        @Override
        public Step awaitingPayment(AwaitingPayment stage) {
            return checkPayment(s.at(new AwaitingPayment(stage.payBy(), stage.paymentId(), 0, stage.expiring())), at);
        }

        @Override
        public Step issuingKeys(IssuingKeys stage) {
            return s.order().isPool()
                    ? Step.of(s, new IssueStock(new IssueReservedStock(s.order().productId(), s.orderId())))
                    : buyKeys(s.at(new IssuingKeys(0)), at);
        }

        @Override
        public Step reservingForLatePayment(ReservingForLatePayment stage) {
            return Step.of(s, holdStock(s));
        }

        @Override
        public Step reinstating(Reinstating stage) {
            return Step.of(s, reinstate(s));
        }

        /** Before the order named the refund (its RefundRequested), the step is asking it to refund. */
        @Override
        public Step refunding(Refunding stage) {
            if (stage.paymentId() == null) {
                return askRefund(s, RETRIED_REFUND);
            }
            return refund(s.at(new Refunding(stage.paymentId(), stage.amount(), 0, stage.holdsStock())), at);
        }

        @Override
        public Step refundingByHand(RefundingByHand stage) {
            return refund(s.at(new Refunding(stage.paymentId(), stage.amount(), 0, false)), at);
        }

        @Override
        public Step settled(Settled stage) {
            return Step.of(s, new End());
        }

        /** Nothing automatic to redo: the order waits for an operator's delivery. */
        @Override
        public Step awaitingOperator(AwaitingOperator stage) {
            return Step.of(s);
        }
    }

    /** A fulfilment rebuilt from where the order stands, for a retry that finds none running. */
    private Fulfilment resumed(FulfilmentRetryRequested e, OrderSoFar order, Instant at) {
        if (!order.known()) {
            return null;
        }
        boolean pool = order.facts().isPool();
        Instant payBy = order.payBy() != null ? order.payBy() : at.plus(timings.paymentExpiry());
        Money paid = order.paid() != null ? order.paid() : order.facts().amount();
        Stage stage = switch (e.status()) {
            case PLACED -> pool ? new ReservingStock(payBy) : new CreatingPayment(payBy, 0);
            case PENDING_PAYMENT -> new AwaitingPayment(payBy, order.paymentId(), 0, false);
            case PAID -> order.facts().isManual() ? new AwaitingOperator() : new IssuingKeys(0);
            case CANCELLED -> pool ? new ReservingForLatePayment() : new Reinstating();
            case REFUNDING -> new Refunding(order.paymentId(), paid, 0, pool);
            case DELIVERED, REFUNDED -> new Settled();
        };
        return new Fulfilment(order.facts(), stage);
    }

    private Step onDeadline(Fulfilment s, DeadlineSignal signal, Instant at) {
        Stage stage = s.stage();
        return switch (signal) {
            case PAYMENT_EXPIRY -> paymentExpired(s, at);
            case PAYMENT_CREATION_RETRY -> stage instanceof CreatingPayment c && at.isBefore(c.payBy())
                    ? requestPayment(s.at(c.nextAttempt()), at) : Step.of(s);
            case PAYMENT_CHECK -> stage instanceof AwaitingPayment a
                    ? checkPayment(s.at(new AwaitingPayment(a.payBy(), a.paymentId(), a.attempts() + 1, a.expiring())),
                    at)
                    : Step.of(s);
            case REFUND_RETRY -> stage instanceof Refunding r ? retryRefund(s, r, at) : Step.of(s);
            case CARD_PURCHASE_RETRY -> stage instanceof IssuingKeys i && !s.order().isPool()
                    ? retryPurchase(s, i, at) : Step.of(s);
        };
    }

    private Step placed(OrderPlaced e, Instant at) {
        Instant payBy = at.plus(timings.paymentExpiry());
        OrderFacts order = OrderFacts.of(e);
        Schedule expiry = new Schedule(PAYMENT_EXPIRY, payBy);
        if (order.isPool()) {
            Fulfilment s = new Fulfilment(order, new ReservingStock(payBy));
            return Step.of(s, expiry, holdStock(s));
        }
        return then(expiry, requestPayment(new Fulfilment(order, new CreatingPayment(payBy, 0)), at));
    }

    private static HoldStock holdStock(Fulfilment s) {
        return new HoldStock(new ReserveStock(s.order().productId(), s.orderId(), s.order().quantity()));
    }

    private static Reinstate reinstate(Fulfilment s) {
        return new Reinstate(new ReinstateOrder(s.orderId()));
    }

    private static Step askRefund(Fulfilment refunding, String reason) {
        return Step.of(refunding, new AskRefund(new RefundOrder(refunding.orderId(), reason)));
    }

    private Step requestPayment(Fulfilment s, Instant at) {
        CreatingPayment stage = (CreatingPayment) s.stage();
        OrderFacts o = s.order();
        return Step.of(s,
                new CreatePayment(o.orderId(), o.paymentMethod(), o.amount(), o.quantity(), o.productName(),
                        stage.payBy()),
                new Schedule(PAYMENT_CREATION_RETRY, at.plus(timings.stepRetryAfter(stage.attempts()))));
    }

    private Step checkPayment(Fulfilment s, Instant at) {
        AwaitingPayment stage = (AwaitingPayment) s.stage();
        return Step.of(s,
                new CheckPayment(s.orderId(), s.order().paymentMethod(), stage.paymentId()),
                new Schedule(PAYMENT_CHECK, at.plus(timings.paymentCheckAfter(stage.attempts()))));
    }

    /** First ask the PSP whether the buyer paid after all; if that answer never comes, cancel outright. */
    private Step paymentExpired(Fulfilment s, Instant at) {
        if (!s.stage().unpaid()) {
            return Step.of(s);
        }
        if (!(s.stage() instanceof AwaitingPayment a) || a.expiring()) {
            return Step.of(s, new CancelUnpaid(new CancelUnpaidOrder(s.orderId(), PAYMENT_OVERDUE)));
        }
        return Step.of(s.at(new AwaitingPayment(a.payBy(), a.paymentId(), a.attempts(), true)),
                new ExpireUnlessPaid(s.orderId(), s.order().paymentMethod(), a.paymentId(), PAYMENT_OVERDUE),
                new Schedule(PAYMENT_EXPIRY, at.plus(timings.stepTimeout())));
    }

    private Step issueKeys(Fulfilment s, Instant at) {
        if (s.order().isManual()) {
            // nothing to issue or buy: the order waits for an operator's delivery by hand
            return then(unschedule(PAYMENT_WAITS), Step.of(s.at(new AwaitingOperator())));
        }
        if (s.order().isPool()) {
            return then(unschedule(PAYMENT_WAITS),
                    Step.of(s, new IssueStock(new IssueReservedStock(s.order().productId(), s.orderId()))));
        }
        return then(unschedule(PAYMENT_WAITS), buyKeys(s, at));
    }

    /** One try to buy the keys, watched by a deadline in case its answer never comes. */
    private Step buyKeys(Fulfilment s, Instant at) {
        IssuingKeys stage = (IssuingKeys) s.stage();
        return Step.of(s,
                new BuyCardKeys(s.orderId(), s.order().sku(), s.order().quantity(), "ck-" + s.orderId(),
                        stage.attempts() + 1, timings.cardPurchaseAttempts()),
                new Schedule(CARD_PURCHASE_RETRY, at.plus(timings.stepTimeout())));
    }

    /** Another try, unless the budget is spent (the answers of the last tries never came): then refund. */
    private Step retryPurchase(Fulfilment s, IssuingKeys stage, Instant at) {
        if (stage.attempts() + 1 >= timings.cardPurchaseAttempts()) {
            return askRefund(s.at(new Refunding(null, null, 0, s.holdsStock())), SUPPLIERS_FAILED);
        }
        return buyKeys(s.at(new IssuingKeys(stage.attempts() + 1)), at);
    }

    private Step latePayment(OrderFacts order, PaymentReceivedAfterCancellation e) {
        Fulfilment s = new Fulfilment(order, new ReservingForLatePayment());
        if (!e.amount().equals(order.amount())) {
            return askRefund(s.at(new Refunding(e.paymentId(), e.amount(), 0, false)), WRONG_AMOUNT);
        }
        if (order.isPool()) {
            return Step.of(s, holdStock(s));
        }
        Fulfilment reinstating = s.at(new Reinstating());
        return Step.of(reinstating, reinstate(reinstating));
    }

    private Step cancelled(Fulfilment s) {
        List<Decision> decisions = new ArrayList<>(unschedule(PAYMENT_WAITS).decisions());
        if (s.holdsStock()) {
            decisions.add(new FreeStock(new ReleaseStock(s.order().productId(), s.orderId())));
        }
        if (s.stage() instanceof AwaitingPayment a) {
            decisions.add(new CancelPayment(s.orderId(), s.order().paymentMethod(), a.paymentId()));
        }
        if (s.order().couponCode() != null) {
            decisions.add(new GiveBackCoupon(new ReturnCouponUse(s.order().couponCode(), s.orderId(), false)));
        }
        decisions.add(new End());
        return new Step(s.at(new Settled()), decisions);
    }

    private Step refundRequested(Fulfilment s, RefundRequested e, Instant at) {
        Fulfilment refunding = s.at(new Refunding(e.paymentId(), e.amount(), 0, false));
        List<Decision> decisions = new ArrayList<>(unschedule(List.of(PAYMENT_EXPIRY, PAYMENT_CREATION_RETRY,
                PAYMENT_CHECK, CARD_PURCHASE_RETRY)).decisions());
        if (s.holdsStock() && !e.delivered()) {
            decisions.add(new FreeStock(new ReleaseStock(s.order().productId(), s.orderId())));
        }
        decisions.addAll(refund(refunding, at).decisions());
        return new Step(refunding, decisions);
    }

    private Step refund(Fulfilment s, Instant at) {
        Refunding stage = (Refunding) s.stage();
        return Step.of(s,
                new RefundPayment(s.orderId(), s.order().paymentMethod(), stage.paymentId(),
                        RefundRequested.refundIdFor(s.orderId()), stage.amount()),
                new Schedule(REFUND_RETRY, at.plus(timings.stepRetryAfter(stage.attempts()))));
    }

    /**
     * Another try at the provider's refund, unless the budget is spent: then an operator must refund
     * by hand (many EPay gateways cannot refund at all), and the process waits for that.
     */
    private Step retryRefund(Fulfilment s, Refunding stage, Instant at) {
        if (stage.attempts() + 1 >= timings.refundAttempts()) {
            return Step.of(s.at(new RefundingByHand(stage.paymentId(), stage.amount())),
                    new LeaveRefundToOperator(
                            new RecordRefundFailure(s.orderId(), stage.attempts() + 1, REFUND_NEEDS_OPERATOR)));
        }
        return refund(s.at(stage.nextAttempt()), at);
    }

    private Step settle(Fulfilment s) {
        List<Decision> decisions = new ArrayList<>(unschedule(List.of(DeadlineSignal.values())).decisions());
        decisions.add(new End());
        return new Step(s.at(new Settled()), decisions);
    }

    private static Step unschedule(List<DeadlineSignal> deadlines) {
        return new Step(null, deadlines.stream().<Decision>map(Unschedule::new).toList());
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
