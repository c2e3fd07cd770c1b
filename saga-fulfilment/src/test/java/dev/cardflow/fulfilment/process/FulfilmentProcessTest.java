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
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
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
import dev.cardflow.fulfilment.process.Decision.Send;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.Fulfilment.Stage;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.cardflow.fulfilment.process.Deadlines.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            "pay-2", "evt-2", AMOUNT, PRODUCT, 2, ProductSource.POOL, null, AMOUNT);

    private final FulfilmentProcess process = new FulfilmentProcess(FulfilmentTimings.defaults());

    /** Where the order under test stands: each step below feeds the state of the previous one back. */
    private Fulfilment state;

    private List<Decision> start(Object event, Instant at) {
        return take(process.start(event, at));
    }

    private List<Decision> on(Object event, Instant at) {
        return take(process.on(state, event, at));
    }

    private List<Decision> deadline(String name, Instant at) {
        return take(process.onDeadline(state, name, at));
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
                new Send(new ReserveStock(PRODUCT, ORDER, 2)));
        assertThat(state.stage()).isEqualTo(Stage.RESERVING_STOCK);
        assertThat(state.payBy()).isEqualTo(PAY_BY);
        assertThat(state.stockRequested()).isTrue();
    }

    @Test
    void reservedStockIsFollowedByThePaymentAndItsRetryDeadline() {
        start(POOL_ORDER, T0);

        assertThat(on(new StockReserved(PRODUCT, ORDER, KEYS), at(1))).containsExactly(
                new CreatePayment(ORDER, SIMULATOR, AMOUNT, 2, PRODUCT_NAME, PAY_BY),
                new Schedule(PAYMENT_CREATION_RETRY, at(1 + 5)));
        assertThat(state.stage()).isEqualTo(Stage.CREATING_PAYMENT);
    }

    @Test
    void createdPaymentStopsTheCreationRetriesAndSchedulesAPaymentCheck() {
        start(POOL_ORDER, T0);
        on(new StockReserved(PRODUCT, ORDER, KEYS), at(1));

        assertThat(on(PAYMENT_REQUESTED, at(2))).containsExactly(
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Schedule(PAYMENT_CHECK, at(2 + 10)));
        assertThat(state.stage()).isEqualTo(Stage.AWAITING_PAYMENT);
        assertThat(state.paymentId()).isEqualTo(PAYMENT);
    }

    @Test
    void confirmedPaymentIssuesTheReservedKeys() {
        poolOrderAwaitingPayment();

        assertThat(on(PAYMENT_CONFIRMED, at(30))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Send(new IssueReservedStock(PRODUCT, ORDER)));
        assertThat(state.stage()).isEqualTo(Stage.ISSUING_KEYS);
    }

    @Test
    void issuedKeysAreDeliveredToTheBuyer() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(30));

        assertThat(on(new StockIssued(PRODUCT, ORDER, KEYS), at(31)))
                .containsExactly(new Send(new DeliverOrder(ORDER, KEYS)));
    }

    @Test
    void deliveredOrderEndsTheFulfilment() {
        poolOrderAwaitingPayment();
        on(PAYMENT_CONFIRMED, at(30));
        on(new StockIssued(PRODUCT, ORDER, KEYS), at(31));

        Step step = process.on(state, new OrderDelivered(ORDER, KEYS, "buyer@example.com"), at(32));

        assertThat(step.ends()).isTrue();
        assertThat(step.decisions()).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Unschedule(REFUND_RETRY),
                new Unschedule(CARD_PURCHASE_RETRY),
                new End());
        assertThat(step.state().stage()).isEqualTo(Stage.SETTLED);
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
        assertThat(state.stage()).isEqualTo(Stage.CREATING_PAYMENT);
        assertThat(state.stockRequested()).isFalse();
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
        assertThat(state.stage()).isEqualTo(Stage.ISSUING_KEYS);
    }

    @Test
    void unansweredKeyPurchaseIsTriedAgainWithTheSameRequestId() {
        upstreamOrderPaid();

        assertThat(deadline(CARD_PURCHASE_RETRY, at(90))).containsExactly(
                new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 2, 5),
                new Schedule(CARD_PURCHASE_RETRY, at(90 + 60)));
        assertThat(process.on(state, new OrderDelivered(ORDER, KEYS, "buyer@example.com"), at(100)).ends()).isTrue();
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
                new Send(new RefundOrder(ORDER, "the card suppliers could not issue the keys")));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING);
    }

    @Test
    void orderIsRefundedWhenTheAnswersOfEveryKeyPurchaseAreLost() {
        upstreamOrderPaid();
        for (int attempt = 2; attempt <= 5; attempt++) {
            assertThat(deadline(CARD_PURCHASE_RETRY, at(30 + 60 * attempt)))
                    .startsWith(new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, attempt, 5));
        }

        assertThat(deadline(CARD_PURCHASE_RETRY, at(400))).containsExactly(
                new Send(new RefundOrder(ORDER, "the card suppliers could not issue the keys")));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING);
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
                .containsExactly(new Send(new CancelUnpaidOrder(ORDER, "out of stock")));
    }

    @Test
    void cancelledOrderReleasesItsStockAndEnds() {
        start(POOL_ORDER, T0);
        on(new StockReservationRejected(PRODUCT, ORDER, 2, 1), at(1));

        Step step = process.on(state, new OrderCancelled(ORDER, "out of stock"), at(2));

        assertThat(step.decisions()).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Send(new ReleaseStock(PRODUCT, ORDER)),
                new End());
        assertThat(step.state().stage()).isEqualTo(Stage.SETTLED);
    }

    // payment expiry

    @Test
    void pspIsAskedOneLastTimeWhenTheBuyersTimeToPayIsUp() {
        poolOrderAwaitingPayment();

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY)).containsExactly(
                new ExpireUnlessPaid(ORDER, SIMULATOR, PAYMENT, "payment not received in time"),
                new Schedule(PAYMENT_EXPIRY, PAY_BY.plus(Duration.ofMinutes(1))));
        assertThat(state.expiring()).isTrue();
    }

    @Test
    void unpaidOrderIsCancelledWhenThePspDoesNotAnswerTheLastQuestion() {
        poolOrderAwaitingPayment();
        deadline(PAYMENT_EXPIRY, PAY_BY);

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY.plus(Duration.ofMinutes(1))))
                .containsExactly(new Send(new CancelUnpaidOrder(ORDER, "payment not received in time")));
    }

    @Test
    void orderWhosePaymentWasNeverCreatedIsCancelledWhenTheBuyersTimeToPayIsUp() {
        start(UPSTREAM_ORDER, T0);

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY))
                .containsExactly(new Send(new CancelUnpaidOrder(ORDER, "payment not received in time")));
    }

    @Test
    void orderStillWaitingForStockIsCancelledWhenTheBuyersTimeToPayIsUp() {
        start(POOL_ORDER, T0);

        assertThat(deadline(PAYMENT_EXPIRY, PAY_BY))
                .containsExactly(new Send(new CancelUnpaidOrder(ORDER, "payment not received in time")));
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

    // late payment

    @Test
    void paymentAfterCancellationReservesStockAgain() {
        assertThat(start(PAID_LATE, at(1000)))
                .containsExactly(new Send(new ReserveStock(PRODUCT, ORDER, 2)));
        assertThat(state.stage()).isEqualTo(Stage.RESERVING_FOR_LATE_PAYMENT);
        assertThat(state.paymentId()).isEqualTo("pay-2");
    }

    @Test
    void stockReservedForALatePaymentReinstatesTheOrder() {
        start(PAID_LATE, at(1000));

        assertThat(on(new StockReserved(PRODUCT, ORDER, KEYS), at(1001)))
                .containsExactly(new Send(new ReinstateOrder(ORDER)));
        assertThat(state.stage()).isEqualTo(Stage.REINSTATING);
    }

    @Test
    void reinstatedOrderIssuesItsKeys() {
        start(PAID_LATE, at(1000));
        on(new StockReserved(PRODUCT, ORDER, KEYS), at(1001));

        assertThat(on(new OrderReinstated(ORDER), at(1002))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Send(new IssueReservedStock(PRODUCT, ORDER)));
        assertThat(state.stage()).isEqualTo(Stage.ISSUING_KEYS);
    }

    @Test
    void latePaymentWithoutStockIsRefunded() {
        start(PAID_LATE, at(1000));

        assertThat(on(new StockReservationRejected(PRODUCT, ORDER, 2, 0), at(1001)))
                .containsExactly(new Send(new RefundOrder(ORDER, "paid after the order was cancelled, and out of stock")));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING);
    }

    @Test
    void latePaymentOfTheWrongAmountIsRefundedWithoutReservingStock() {
        assertThat(start(new PaymentReceivedAfterCancellation(ORDER, "pay-2", "evt-2", Money.of("5.00", "EUR"),
                PRODUCT, 2, ProductSource.POOL, null, AMOUNT), at(1000)))
                .containsExactly(new Send(new RefundOrder(ORDER, "the amount paid differs from the order's amount")));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING);
    }

    @Test
    void latePaymentForAnUpstreamProductReinstatesTheOrderAtOnce() {
        assertThat(start(new PaymentReceivedAfterCancellation(ORDER, "pay-2", "evt-2", AMOUNT, PRODUCT, 2,
                ProductSource.UPSTREAM, SKU, AMOUNT), at(1000)))
                .containsExactly(new Send(new ReinstateOrder(ORDER)));
        assertThat(on(new OrderReinstated(ORDER), at(1001)))
                .contains(new BuyCardKeys(ORDER, SKU, 2, "ck-" + ORDER, 1, 5));
    }

    @Test
    void latePaymentReachingASettledFulfilmentStartsItOver() {
        start(POOL_ORDER, T0);
        on(new StockReservationRejected(PRODUCT, ORDER, 2, 1), at(1));
        on(new OrderCancelled(ORDER, "out of stock"), at(2));

        assertThat(on(PAID_LATE, at(1000))).containsExactly(new Send(new ReserveStock(PRODUCT, ORDER, 2)));
        assertThat(state.stage()).isEqualTo(Stage.RESERVING_FOR_LATE_PAYMENT);
    }

    // wrong amount

    @Test
    void paymentOfTheWrongAmountIsRefunded() {
        poolOrderAwaitingPayment();

        assertThat(on(new PaymentConfirmed(ORDER, PAYMENT, "evt-1", Money.of("5.00", "EUR")), at(30))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Send(new RefundOrder(ORDER, "the amount paid differs from the order's amount")));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING);
    }

    // refunds

    @Test
    void requestedRefundReleasesTheStockAndIsSentToThePsp() {
        poolOrderAwaitingPayment();
        Money paid = Money.of("5.00", "EUR");
        on(new PaymentConfirmed(ORDER, PAYMENT, "evt-1", paid), at(30));

        assertThat(on(new RefundRequested(ORDER, PAYMENT, "rf-o-1", paid, "wrong amount", PRODUCT,
                ProductSource.POOL, false), at(31))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Unschedule(CARD_PURCHASE_RETRY),
                new Send(new ReleaseStock(PRODUCT, ORDER)),
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", paid),
                new Schedule(REFUND_RETRY, at(31 + 5)));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING);
    }

    @Test
    void operatorRefundOfADeliveredOrderStartsAFulfilmentThatOnlyRefunds() {
        assertThat(start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", PRODUCT,
                ProductSource.POOL, true), at(5000))).containsExactly(
                new Unschedule(PAYMENT_EXPIRY),
                new Unschedule(PAYMENT_CREATION_RETRY),
                new Unschedule(PAYMENT_CHECK),
                new Unschedule(CARD_PURCHASE_RETRY),
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", AMOUNT),
                new Schedule(REFUND_RETRY, at(5000 + 5)));
    }

    @Test
    void refundNotYetAcceptedIsSentAgain() {
        start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", PRODUCT,
                ProductSource.POOL, true), at(5000));

        assertThat(deadline(REFUND_RETRY, at(5005))).containsExactly(
                new RefundPayment(ORDER, SIMULATOR, PAYMENT, "rf-o-1", AMOUNT),
                new Schedule(REFUND_RETRY, at(5005 + 10)));
    }

    @Test
    void refundThatKeepsFailingIsLeftToAnOperatorOnceTheBudgetIsSpent() {
        start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", PRODUCT,
                ProductSource.POOL, true, PaymentMethods.EPAY), at(5000));
        int budget = FulfilmentTimings.defaults().refundAttempts();
        for (int attempt = 1; attempt < budget; attempt++) {
            assertThat(deadline(REFUND_RETRY, at(5000 + attempt * 200)))
                    .startsWith(new RefundPayment(ORDER, PaymentMethods.EPAY, PAYMENT, "rf-o-1", AMOUNT));
        }

        assertThat(deadline(REFUND_RETRY, at(9000))).containsExactly(new Send(new RecordRefundFailure(ORDER, budget,
                FulfilmentProcess.REFUND_NEEDS_OPERATOR)));
        assertThat(state.stage()).isEqualTo(Stage.REFUNDING_BY_HAND);
        assertThat(deadline(REFUND_RETRY, at(9500))).isEmpty();

        Step refundedByHand = process.on(state, new OrderRefunded(ORDER, "rf-o-1"), at(10000));
        assertThat(refundedByHand.ends()).isTrue();
    }

    @Test
    void refundedOrderEndsTheFulfilment() {
        start(new RefundRequested(ORDER, PAYMENT, "rf-o-1", AMOUNT, "keys did not work", PRODUCT,
                ProductSource.POOL, true), at(5000));

        Step step = process.on(state, new OrderRefunded(ORDER, "rf-o-1"), at(5001));

        assertThat(step.ends()).isTrue();
        assertThat(step.decisions()).contains(new Unschedule(REFUND_RETRY));
        assertThat(step.state().stage()).isEqualTo(Stage.SETTLED);
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
        assertThat(state.attempts()).isEqualTo(7);
    }

    @Test
    void retriesBackOffWithTheConfiguredTimings() {
        FulfilmentProcess quick = new FulfilmentProcess(new FulfilmentTimings(Duration.ofMinutes(15),
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofMinutes(2), 5,
                Duration.ofMinutes(1), 8));
        Step step = quick.start(UPSTREAM_ORDER, T0);

        List<Instant> retries = new ArrayList<>();
        Instant at = T0;
        for (int attempt = 1; attempt <= 4; attempt++) {
            at = at.plusSeconds(1);
            step = quick.onDeadline(step.state(), PAYMENT_CREATION_RETRY, at);
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
        assertThat(state.stage()).isEqualTo(Stage.ISSUING_KEYS);
    }

    @Test
    void fulfilmentStartsOnlyWithAnOrderALatePaymentOrARefund() {
        assertThatThrownBy(() -> process.start(PAYMENT_CONFIRMED, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
