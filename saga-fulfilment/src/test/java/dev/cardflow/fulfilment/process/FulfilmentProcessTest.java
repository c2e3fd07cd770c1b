package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
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
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentCheckRequested;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.fulfilment.process.Decision.CheckPayment;
import dev.cardflow.fulfilment.process.Decision.CreatePayment;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.ExpireUnlessPaid;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Fulfilment.Stage;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.AwaitingPayment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.CreatingPayment;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.cardflow.fulfilment.process.DeadlineSignal.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fulfilment as a pure function: each test feeds the process an order's events (and
 * deadlines) one by one, the way the saga does, and checks what it decides.
 */
class FulfilmentProcessTest {

    private static final String ORDER = "o-1";
    private static final String PRODUCT = "p-1";
    private static final String SKU = "XBOX-25";
    private static final String PAYMENT = "pay-1";
    private static final Money UNIT_PRICE = Money.of("9.90", "EUR");
    private static final Money AMOUNT = Money.of("19.80", "EUR");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant PAY_BY = T0.plus(Duration.ofMinutes(15));
    private static final List<SealedCardKey> KEYS = List.of(
            new SealedCardKey("fp-1", "v1:cipher-1"), new SealedCardKey("fp-2", "v1:cipher-2"));

    private static final String SIMULATOR = PaymentMethods.SIMULATOR;
    private static final String PRODUCT_NAME = "Steam 10 EUR";
    private static final OrderPlaced POOL_ORDER = new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE,
            AMOUNT, ProductSource.POOL, null, "buyer@example.com", "request-1");
    private static final OrderPlaced UPSTREAM_ORDER = new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE,
            AMOUNT, ProductSource.UPSTREAM, SKU, "buyer@example.com", "request-1");
    private static final PaymentRequested PAYMENT_REQUESTED =
            new PaymentRequested(ORDER, PAYMENT, "https://psp.test/pay/pay-1", PAY_BY);
    private static final PaymentConfirmed PAYMENT_CONFIRMED = new PaymentConfirmed(ORDER, PAYMENT, "evt-1", AMOUNT);
    private static final PaymentReceivedAfterCancellation PAID_LATE = new PaymentReceivedAfterCancellation(ORDER,
            "pay-2", "evt-2", AMOUNT);

    private final FulfilmentProcess process = new FulfilmentProcess(FulfilmentTimings.defaults());

    /** Where the order under test stands: each step below feeds the state of the previous one back. */
    private Fulfilment state;

    /** What the order is, as the saga would read it from the order's events. */
    private OrderSoFar order = new OrderSoFar(OrderFacts.of(POOL_ORDER), null, null, null);

    /** {@code event} when no fulfilment runs. */
    private List<Decision> start(Object event, Instant at) {
        state = null;
        return on(event, at);
    }

    /** {@code event} routed as the saga routes it; an ignored event decides nothing. */
    private List<Decision> on(Object event, Instant at) {
        return FulfilmentRoutes.route(event).map(input -> take(process.handle(state, input, at, id -> order)))
                .orElse(List.of());
    }

    private Step step(Object event, Instant at) {
        return process.handle(state, FulfilmentRoutes.route(event).orElseThrow(), at, id -> order);
    }

    private List<Decision> deadline(DeadlineSignal signal, Instant at) {
        return take(process.handle(state, new FulfilmentInput.Deadline(signal), at, id -> order));
    }

    private List<Decision> take(Step step) {
        state = step.state();
        return step.decisions();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** An UPSTREAM order paid at 30 s, its first purchase of keys under way. */
    private void upstreamOrderPaid() {
        start(UPSTREAM_ORDER, T0);
        on(PAYMENT_REQUESTED, at(1));
        on(PAYMENT_CONFIRMED, at(30));
    }

    /** A POOL order whose buyer has a payment to pay. */
    private void poolOrderAwaitingPayment() {
        start(POOL_ORDER, T0);
        on(new StockReserved(PRODUCT, ORDER, KEYS), at(1));
        on(PAYMENT_REQUESTED, at(2));
    }

    // the happy path of a POOL product

    @Test
    void poolOrderFirstReservesStockAndSetsTheBuyersTimeToPay() {
        assertThat(start(POOL_ORDER, T0)).containsExactly(
                new Schedule(PAYMENT_EXPIRY, PAY_BY),
                new Decision.HoldStock(new ReserveStock(PRODUCT, ORDER, 2)));
        assertThat(state.stage()).isEqualTo(new Stage.ReservingStock(PAY_BY));
        assertThat(state.holdsStock()).isTrue();
    }

    @Test
    void reservedStockIsFollowedByThePaymentAndItsRetryDeadline() {
        start(POOL_ORDER, T0);

        assertThat(on(new StockReserved(PRODUCT, ORDER, KEYS), at(1))).containsExactly(
                new CreatePayment(ORDER, SIMULATOR, AMOUNT, 2, PRODUCT_NAME, PAY_BY),
                new Schedule(PAYMENT_CREATION_RETRY, at(1 + 5)));
        assertThat(state.stage()).isInstanceOf(Stage.CreatingPayment.class);
    }

    @Test
    void createdPaymentStopsTheCreationRetriesAndSchedulesAPaymentCheck() {
        start(POOL_ORDER, T0);
        on(new StockReserved(PRODUCT, ORDER, KEYS), at(1));

        assertThat(on(PAYMENT_REQUESTED, at(2))).containsExactly(
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Schedule(PAYMENT_CHECK, at(2 + 10)));
        assertThat(state.stage()).isEqualTo(new AwaitingPayment(PAY_BY, PAYMENT, 0, false));
    }

    @Test
    void confirmedPaymentIssuesTheReservedKeys() {
        poolOrderAwaitingPayment();

        assertThat(on(PAYMENT_CONFIRMED, at(30))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Decision.IssueStock(new IssueReservedStock(PRODUCT, ORDER)));
        assertThat(state.stage()).isInstanceOf(Stage.IssuingKeys.class);
    }

    @Test
    void issuedKeysAreDeliveredToTheBuyer() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(30));

        assertThat(on(new StockIssued(PRODUCT, ORDER, KEYS), at(31)))
                .containsExactly(new Decision.Deliver(new DeliverOrder(ORDER, KEYS)));
    }

    @Test
    void deliveredOrderEndsTheFulfilment() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(30));
        on(new StockIssued(PRODUCT, ORDER, KEYS), at(31));

        Step step = step(new OrderDelivered(ORDER, KEYS, "buyer@example.com"), at(32));

        assertThat(step.ends()).isTrue();
        assertThat(step.decisions()).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Unschedule(REFUND_RETRY),
                new Unschedule(CARD_PURCHASE_RETRY),
                new End());
        assertThat(step.state().stage()).isInstanceOf(Stage.Settled.class);
    }

    @Test
    void failedPaymentAttemptLeavesTheOrderWaiting() {
        poolOrderAwaitingPayment();
        Fulfilment waiting = state;

        assertThat(on(new PaymentFailed(ORDER, PAYMENT, "evt-0"), at(20))).isEmpty();
        assertThat(state).isEqualTo(waiting);
    }

    // the happy path of an UPSTREAM product

    @Test
    void upstreamOrderAsksForThePaymentAtOnce() {
        assertThat(start(UPSTREAM_ORDER, T0)).containsExactly(
                new Schedule(PAYMENT_EXPIRY, PAY_BY),
                new CreatePayment(ORDER, SIMULATOR, AMOUNT, 2, PRODUCT_NAME, PAY_BY),
                new Schedule(PAYMENT_CREATION_RETRY, at(5)));
        assertThat(state.stage()).isInstanceOf(Stage.CreatingPayment.class);
        assertThat(state.holdsStock()).isFalse();
    }

    @Test
    void paidUpstreamOrderBuysItsKeysFromTheSuppliers() {
        start(UPSTREAM_ORDER, T0);
        on(PAYMENT_REQUESTED, at(1));

        assertThat(on(PAYMENT_CONFIRMED, at(30))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 1, 5),
                new Schedule(CARD_PURCHASE_RETRY, at(30 + 60)));
        assertThat(state.stage()).isInstanceOf(Stage.IssuingKeys.class);
    }

    @Test
    void unansweredKeyPurchaseIsTriedAgainWithTheSameRequestId() {
        upstreamOrderPaid();

        assertThat(deadline(CARD_PURCHASE_RETRY, at(90))).containsExactly(
                new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 2, 5),
                new Schedule(CARD_PURCHASE_RETRY, at(90 + 60)));
        assertThat(step(new OrderDelivered(ORDER, KEYS, "buyer@example.com"), at(100)).ends()).isTrue();
    }

    @Test
    void failedKeyPurchaseIsTriedAgainAfterAWait() {
        upstreamOrderPaid();

        assertThat(on(new CardPurchaseFailed(ORDER, 1, 5, "supplier timed out"), at(31)))
                .containsExactly(new Schedule(CARD_PURCHASE_RETRY, at(31 + 5)));
        assertThat(deadline(CARD_PURCHASE_RETRY, at(36)))
                .startsWith(new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 2, 5));
    }

    @Test
    void failedKeyPurchasesBackOff() {
        upstreamOrderPaid();

        List<Duration> waits = new ArrayList<>();
        Instant now = at(30);
        for (int attempt = 1; attempt <= 4; attempt++) {
            now = now.plusSeconds(1);
            Instant retryAt = ((Schedule) on(new CardPurchaseFailed(ORDER, attempt, 5, "supplier answered 503"), now)
                    .get(0)).at();
            waits.add(Duration.between(now, retryAt));
            now = retryAt;
            deadline(CARD_PURCHASE_RETRY, now);
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40));
    }

    @Test
    void orderIsRefundedWhenTheLastKeyPurchaseFails() {
        upstreamOrderPaid();
        for (int attempt = 1; attempt <= 4; attempt++) {
            on(new CardPurchaseFailed(ORDER, attempt, 5, "supplier answered 503"), at(30 + attempt));
            deadline(CARD_PURCHASE_RETRY, at(30 + attempt));
        }

        assertThat(on(new CardPurchaseFailed(ORDER, 5, 5, "supplier answered 503"), at(40))).containsExactly(
                new Unschedule(CARD_PURCHASE_RETRY),
                new Decision.AskRefund(new RefundOrder(ORDER, "the card suppliers could not issue the keys")));
        assertThat(state.stage()).isInstanceOf(Stage.Refunding.class);
    }

    @Test
    void orderIsRefundedWhenTheAnswersOfEveryKeyPurchaseAreLost() {
        upstreamOrderPaid();
        for (int attempt = 2; attempt <= 5; attempt++) {
            assertThat(deadline(CARD_PURCHASE_RETRY, at(30 + 60 * attempt)))
                    .startsWith(new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, attempt, 5));
        }

        assertThat(deadline(CARD_PURCHASE_RETRY, at(400))).containsExactly(
                new Decision.AskRefund(new RefundOrder(ORDER, "the card suppliers could not issue the keys")));
        assertThat(state.stage()).isInstanceOf(Stage.Refunding.class);
    }

    @Test
    void failureOfAnEarlierKeyPurchaseIsIgnored() {
        upstreamOrderPaid();
        on(new CardPurchaseFailed(ORDER, 1, 5, "supplier timed out"), at(31));
        deadline(CARD_PURCHASE_RETRY, at(36));
        Fulfilment buyingAgain = state;

        assertThat(on(new CardPurchaseFailed(ORDER, 1, 5, "supplier timed out"), at(37))).isEmpty();
        assertThat(state).isEqualTo(buyingAgain);
    }

    @Test
    void cancelledUpstreamOrderHasNoStockToRelease() {
        start(UPSTREAM_ORDER, T0);

        assertThat(on(new OrderCancelled(ORDER, "payment not received in time"), at(900))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new End());
    }

    @Test
    void cancelledUnpaidOrderClosesItsPaymentAtTheProvider() {
        start(new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT, ProductSource.UPSTREAM, SKU,
                "buyer@example.com", "request-1", PaymentMethods.STRIPE), T0);
        on(new PaymentRequested(ORDER, "cs_test_1", "https://checkout.test/cs_test_1", PAY_BY), at(1));

        assertThat(on(new OrderCancelled(ORDER, "cancelled by an operator"), at(60))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Decision.CancelPayment(ORDER, PaymentMethods.STRIPE, "cs_test_1"),
                new End());
    }

    @Test
    void everyPaymentStepGoesToTheProviderTheBuyerChose() {
        List<Decision> decisions = start(new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT,
                ProductSource.UPSTREAM, SKU, "buyer@example.com", "request-1", PaymentMethods.EPAY), T0);
        assertThat(decisions).contains(new CreatePayment(ORDER, PaymentMethods.EPAY, AMOUNT, 2, PRODUCT_NAME, PAY_BY));
        on(new PaymentRequested(ORDER, ORDER, "https://epay.test/submit.php", PAY_BY), at(1));

        assertThat(deadline(PAYMENT_CHECK, at(11))).contains(new CheckPayment(ORDER, PaymentMethods.EPAY, ORDER));
        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY))
                .contains(new ExpireUnlessPaid(ORDER, PaymentMethods.EPAY, ORDER, "payment not received in time"));
    }

    // out of stock

    @Test
    void rejectedReservationCancelsTheOrderAsOutOfStock() {
        start(POOL_ORDER, T0);

        assertThat(on(new StockReservationRejected(PRODUCT, ORDER, 2, 1), at(1)))
                .containsExactly(new Decision.CancelUnpaid(new CancelUnpaidOrder(ORDER, "out of stock")));
    }

    @Test
    void cancelledOrderReleasesItsStockAndEnds() {
        start(POOL_ORDER, T0);
        on(new StockReservationRejected(PRODUCT, ORDER, 2, 1), at(1));

        Step step = step(new OrderCancelled(ORDER, "out of stock"), at(2));

        assertThat(step.decisions()).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Decision.FreeStock(new ReleaseStock(PRODUCT, ORDER)),
                new End());
        assertThat(step.state().stage()).isInstanceOf(Stage.Settled.class);
    }

    // payment expiry

    @Test
    void pspIsAskedOneLastTimeWhenTheBuyersTimeToPayIsUp() {
        poolOrderAwaitingPayment();

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY)).containsExactly(
                new ExpireUnlessPaid(ORDER, SIMULATOR, PAYMENT, "payment not received in time"),
                new Schedule(PAYMENT_EXPIRY, PAY_BY.plus(Duration.ofMinutes(1))));
        assertThat(((AwaitingPayment) state.stage()).expiring()).isTrue();
    }

    @Test
    void unpaidOrderIsCancelledWhenThePspDoesNotAnswerTheLastQuestion() {
        poolOrderAwaitingPayment();
        deadline(PAYMENT_EXPIRY, PAY_BY);

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY.plus(Duration.ofMinutes(1))))
                .containsExactly(new Decision.CancelUnpaid(new CancelUnpaidOrder(ORDER, "payment not received in time")));
    }

    @Test
    void orderWhosePaymentWasNeverCreatedIsCancelledWhenTheBuyersTimeToPayIsUp() {
        start(UPSTREAM_ORDER, T0);

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY))
                .containsExactly(new Decision.CancelUnpaid(new CancelUnpaidOrder(ORDER, "payment not received in time")));
    }

    @Test
    void orderStillWaitingForStockIsCancelledWhenTheBuyersTimeToPayIsUp() {
        start(POOL_ORDER, T0);

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY))
                .containsExactly(new Decision.CancelUnpaid(new CancelUnpaidOrder(ORDER, "payment not received in time")));
    }

    @Test
    void paymentDeadlineDoesNothingOnceTheOrderIsPaid() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(30));
        Fulfilment paid = state;

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY)).isEmpty();
        assertThat(state).isEqualTo(paid);
    }

    @Test
    void unreportedPaymentIsCheckedAtThePsp() {
        poolOrderAwaitingPayment();

        assertThat(deadline(PAYMENT_CHECK, at(12))).containsExactly(
                new CheckPayment(ORDER, SIMULATOR, PAYMENT),
                new Schedule(PAYMENT_CHECK, at(12 + 20)));
    }

    @Test
    void aBuyersPaymentCheckAsksThePspAtOnceAndLeavesTheReconciliationAsItWas() {
        poolOrderAwaitingPayment();
        Fulfilment waiting = state;

        assertThat(on(new PaymentCheckRequested(ORDER, PAYMENT, at(5)), at(5)))
                .containsExactly(new CheckPayment(ORDER, SIMULATOR, PAYMENT));
        assertThat(state).isEqualTo(waiting);
    }

    @Test
    void aPaymentCheckOnceTheOrderIsPaidAsksNothing() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(10));

        assertThat(on(new PaymentCheckRequested(ORDER, PAYMENT, at(11)), at(11))).isEmpty();
    }

    // late payment

    @Test
    void paymentAfterCancellationReservesStockAgain() {
        assertThat(start(PAID_LATE, at(1000)))
                .containsExactly(new Decision.HoldStock(new ReserveStock(PRODUCT, ORDER, 2)));
        assertThat(state.stage()).isInstanceOf(Stage.ReservingForLatePayment.class);
    }

    @Test
    void stockReservedForALatePaymentReinstatesTheOrder() {
        start(PAID_LATE, at(1000));

        assertThat(on(new StockReserved(PRODUCT, ORDER, KEYS), at(1001)))
                .containsExactly(new Decision.Reinstate(new ReinstateOrder(ORDER)));
        assertThat(state.stage()).isInstanceOf(Stage.Reinstating.class);
    }

    @Test
    void reinstatedOrderIssuesItsKeys() {
        start(PAID_LATE, at(1000));
        on(new StockReserved(PRODUCT, ORDER, KEYS), at(1001));

        assertThat(on(new OrderReinstated(ORDER), at(1002))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Decision.IssueStock(new IssueReservedStock(PRODUCT, ORDER)));
        assertThat(state.stage()).isInstanceOf(Stage.IssuingKeys.class);
    }

    @Test
    void latePaymentWithoutStockIsRefunded() {
        start(PAID_LATE, at(1000));

        assertThat(on(new StockReservationRejected(PRODUCT, ORDER, 2, 0), at(1001)))
                .containsExactly(new Decision.AskRefund(new RefundOrder(ORDER, "paid after the order was cancelled, and out of stock")));
        assertThat(state.stage()).isInstanceOf(Stage.Refunding.class);
    }

    @Test
    void latePaymentOfTheWrongAmountIsRefundedWithoutReservingStock() {
        assertThat(start(new PaymentReceivedAfterCancellation(ORDER, "pay-2", "evt-2", Money.of("5.00", "EUR")),
                at(1000)))
                .containsExactly(new Decision.AskRefund(new RefundOrder(ORDER, "the amount paid differs from the order's amount")));
        assertThat(state.stage()).isInstanceOf(Stage.Refunding.class);
    }

    @Test
    void latePaymentForAnUpstreamProductReinstatesTheOrderAtOnce() {
        order = new OrderSoFar(OrderFacts.of(UPSTREAM_ORDER), null, null, null);

        assertThat(start(new PaymentReceivedAfterCancellation(ORDER, "pay-2", "evt-2", AMOUNT), at(1000)))
                .containsExactly(new Decision.Reinstate(new ReinstateOrder(ORDER)));
        assertThat(on(new OrderReinstated(ORDER), at(1001)))
                .contains(new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 1, 5));
    }

    @Test
    void latePaymentReachingASettledFulfilmentStartsItOver() {
        start(POOL_ORDER, T0);
        on(new StockReservationRejected(PRODUCT, ORDER, 2, 1), at(1));
        on(new OrderCancelled(ORDER, "out of stock"), at(2));

        assertThat(on(PAID_LATE, at(1000))).containsExactly(new Decision.HoldStock(new ReserveStock(PRODUCT, ORDER, 2)));
        assertThat(state.stage()).isInstanceOf(Stage.ReservingForLatePayment.class);
    }

    // wrong amount

    @Test
    void paymentOfTheWrongAmountIsRefunded() {
        poolOrderAwaitingPayment();

        assertThat(on(new PaymentConfirmed(ORDER, PAYMENT, "evt-1", Money.of("5.00", "EUR")), at(30))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Decision.AskRefund(new RefundOrder(ORDER, "the amount paid differs from the order's amount")));
        assertThat(state.stage()).isInstanceOf(Stage.Refunding.class);
    }

    // refunds

    @Test
    void requestedRefundReleasesTheStockAndIsSentToThePsp() {
        poolOrderAwaitingPayment();
        Money paid = Money.of("5.00", "EUR");
        on(new PaymentConfirmed(ORDER, PAYMENT, "evt-1", paid), at(30));

        assertThat(on(new RefundRequested(ORDER, PAYMENT, "rf-o-1", paid, "wrong amount", false), at(31))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Unschedule(CARD_PURCHASE_RETRY),
                new Decision.FreeStock(new ReleaseStock(PRODUCT, ORDER)),
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", paid),
                new Schedule(REFUND_RETRY, at(31 + 5)));
        assertThat(state.stage()).isInstanceOf(Stage.Refunding.class);
    }

    @Test
    void operatorRefundOfADeliveredOrderStartsAFulfilmentThatOnlyRefunds() {
        assertThat(start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", true), at(5000))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Unschedule(CARD_PURCHASE_RETRY),
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", AMOUNT),
                new Schedule(REFUND_RETRY, at(5000 + 5)));
    }

    @Test
    void refundNotYetAcceptedIsSentAgain() {
        start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", true), at(5000));

        assertThat(deadline(REFUND_RETRY, at(5005))).containsExactly(
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", AMOUNT),
                new Schedule(REFUND_RETRY, at(5005 + 10)));
    }

    @Test
    void refundThatKeepsFailingIsLeftToAnOperatorOnceTheBudgetIsSpent() {
        order = new OrderSoFar(OrderFacts.of(new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT,
                ProductSource.POOL, null, "buyer@example.com", "request-1", PaymentMethods.EPAY)), null, null, null);
        start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", true), at(5000));
        int budget = FulfilmentTimings.defaults().refundAttempts();
        for (int attempt = 1; attempt < budget; attempt++) {
            assertThat(deadline(REFUND_RETRY, at(5000 + attempt * 200)))
                    .startsWith(new RefundPayment(ORDER, PaymentMethods.EPAY, PAYMENT, "rf-o-1", AMOUNT));
        }

        assertThat(deadline(REFUND_RETRY, at(9000))).containsExactly(new Decision.LeaveRefundToOperator(new RecordRefundFailure(ORDER, budget,
                FulfilmentProcess.REFUND_NEEDS_OPERATOR)));
        assertThat(state.stage()).isInstanceOf(Stage.RefundingByHand.class);
        assertThat(deadline(REFUND_RETRY, at(9500))).isEmpty();

        Step refundedByHand = step(new OrderRefunded(ORDER, "rf-o-1"), at(10000));
        assertThat(refundedByHand.ends()).isTrue();
    }

    @Test
    void refundedOrderEndsTheFulfilment() {
        start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", true), at(5000));

        Step step = step(new OrderRefunded(ORDER, "rf-o-1"), at(5001));

        assertThat(step.ends()).isTrue();
        assertThat(step.decisions()).contains(new Unschedule(REFUND_RETRY));
        assertThat(step.state().stage()).isInstanceOf(Stage.Settled.class);
    }

    // retries

    @Test
    void paymentCreationRetriesBackOffUpToTheLongestWait() {
        start(POOL_ORDER, T0);
        Instant retryAt = ((Schedule) on(new StockReserved(PRODUCT, ORDER, KEYS), T0).get(1)).at();

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            List<Decision> decisions = deadline(PAYMENT_CREATION_RETRY, retryAt);
            assertThat(decisions).startsWith(new CreatePayment(ORDER, SIMULATOR, AMOUNT, 2, PRODUCT_NAME, PAY_BY));
            Instant next = ((Schedule) decisions.get(1)).at();
            waits.add(Duration.between(retryAt, next));
            retryAt = next;
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(80), Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(2));
        assertThat(((CreatingPayment) state.stage()).attempts()).isEqualTo(7);
    }

    @Test
    void retriesBackOffWithTheConfiguredTimings() {
        FulfilmentProcess quick = new FulfilmentProcess(new FulfilmentTimings(Duration.ofMinutes(15),
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofMinutes(2), 5,
                Duration.ofMinutes(1), 8));
        Step step = quick.handle(null, new FulfilmentInput.Placed(UPSTREAM_ORDER), T0, id -> order);

        List<Instant> retries = new ArrayList<>();
        Instant at = T0;
        for (int attempt = 1; attempt <= 4; attempt++) {
            at = at.plusSeconds(1);
            step = quick.handle(step.state(), new FulfilmentInput.Deadline(PAYMENT_CREATION_RETRY), at, id -> order);
            retries.add(((Schedule) step.decisions().get(1)).at());
        }

        assertThat(retries).containsExactly(at(1 + 2), at(2 + 3), at(3 + 3), at(4 + 3));
    }

    @Test
    void paymentCreationIsNotRetriedOnceTheBuyersTimeToPayIsUp() {
        start(POOL_ORDER, T0);
        on(new StockReserved(PRODUCT, ORDER, KEYS), T0);

        assertThat(deadline(PAYMENT_CREATION_RETRY, PAY_BY)).isEmpty();
    }

    @Test
    void paymentCreationIsNotRetriedOnceThePaymentExists() {
        poolOrderAwaitingPayment();

        assertThat(deadline(PAYMENT_CREATION_RETRY, at(10))).isEmpty();
    }

    @Test
    void paymentRequestedOutsideItsStepOnlyRemembersThePayment() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(30));

        assertThat(on(new PaymentRequested(ORDER, "pay-9", "https://psp.test/pay/pay-9", PAY_BY), at(31))).isEmpty();
        assertThat(state.stage()).isInstanceOf(Stage.IssuingKeys.class);
    }

    // an operator's retry

    @Test
    void retryRepeatsTheCurrentStepWithItsTriesCountedAfresh() {
        upstreamOrderPaid();
        deadline(CARD_PURCHASE_RETRY, at(90));

        assertThat(on(new FulfilmentRetryRequested(ORDER, OrderStatus.PAID), at(100))).containsExactly(
                new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 1, 5),
                new Schedule(CARD_PURCHASE_RETRY, at(100 + 60)));
    }

    @Test
    void retryWithoutARunningFulfilmentAsksThePspAboutThePaymentTheOrderKnows() {
        order = new OrderSoFar(OrderFacts.of(POOL_ORDER), PAYMENT, PAY_BY, null);

        assertThat(start(new FulfilmentRetryRequested(ORDER, OrderStatus.PENDING_PAYMENT), at(60))).containsExactly(
                new CheckPayment(ORDER, SIMULATOR, PAYMENT),
                new Schedule(PAYMENT_CHECK, at(60 + 10)));
        assertThat(state.stage()).isEqualTo(new AwaitingPayment(PAY_BY, PAYMENT, 0, false));
    }

    @Test
    void retryOfAStalledRefundReturnsWhatTheBuyerPaid() {
        Money paid = Money.of("5.00", "EUR");
        order = new OrderSoFar(OrderFacts.of(POOL_ORDER), PAYMENT, PAY_BY, paid);

        assertThat(start(new FulfilmentRetryRequested(ORDER, OrderStatus.REFUNDING), at(60))).containsExactly(
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", paid),
                new Schedule(REFUND_RETRY, at(60 + 5)));
    }

    @Test
    void retryBeforeTheOrderNamedItsRefundAsksTheOrderToRefundAgain() {
        upstreamOrderPaid();
        for (int attempt = 1; attempt <= 5; attempt++) {
            on(new CardPurchaseFailed(ORDER, attempt, 5, "supplier answered 503"), at(30 + attempt));
            deadline(CARD_PURCHASE_RETRY, at(30 + attempt));
        }

        assertThat(on(new FulfilmentRetryRequested(ORDER, OrderStatus.PAID), at(100))).containsExactly(
                new Decision.AskRefund(new RefundOrder(ORDER, FulfilmentProcess.RETRIED_REFUND)));
    }

    @Test
    void retryOfAnOrderThatHasNoEventsStartsNothing() {
        order = OrderSoFar.UNKNOWN;

        assertThat(start(new FulfilmentRetryRequested(ORDER, OrderStatus.PAID), at(60))).isEmpty();
        assertThat(state).isNull();
    }

    @Test
    void theOrderIsReadFromItsOwnEvents() {
        OrderSoFar read = OrderSoFar.UNKNOWN;
        for (Object event : List.of(POOL_ORDER, PAYMENT_REQUESTED, new PaymentFailed(ORDER, PAYMENT, "evt-0"),
                PAYMENT_CONFIRMED)) {
            read = read.with(event);
        }

        assertThat(read).isEqualTo(new OrderSoFar(new OrderFacts(ORDER, PRODUCT, PRODUCT_NAME, 2, AMOUNT,
                ProductSource.POOL, null, "buyer@example.com", SIMULATOR), PAYMENT, PAY_BY, AMOUNT));
    }

    @Test
    void fulfilmentStartsOnlyWithAnOrderALatePaymentARefundOrARetry() {
        assertThat(process.handle(null, new FulfilmentInput.Paid(PAYMENT_CONFIRMED), T0, id -> order))
                .isEqualTo(new Step(null, List.of()));
    }
}
