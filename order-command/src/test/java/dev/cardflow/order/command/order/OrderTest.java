package dev.cardflow.order.command.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.AwaitPayment;
import dev.cardflow.api.order.BuyerNotificationFailed;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.RecordBuyerNotification;
import dev.cardflow.api.order.RecordBuyerNotificationFailure;
import dev.cardflow.api.order.CancelOrder;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.ConfirmRefundManually;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.ConfirmRefund;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentCheckRequested;
import dev.cardflow.api.order.PaymentCheckStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.api.order.RecordCardPurchaseFailure;
import dev.cardflow.api.order.RecordPaymentFailure;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.api.order.RequestPaymentCheck;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order's state machine (API.md, "Order statuses"): every allowed transition emits its event,
 * every refused one is a {@link OrderRefused} refusal, and a repeat of what already happened
 * changes nothing.
 */
class OrderTest {

    private static final String ORDER = "o-1";
    private static final String PRODUCT = "p-1";
    private static final String PRODUCT_NAME = "Steam 10 EUR";
    private static final String EMAIL = "buyer@example.com";
    private static final String FINGERPRINT = "request-fingerprint-1";
    private static final Money UNIT_PRICE = Money.of("9.90", "EUR");
    private static final Money AMOUNT = Money.of("19.80", "EUR");
    private static final String PAYMENT = "pay-1";
    private static final String PAY_URL = "https://psp.test/pay/pay-1";
    private static final Instant PAY_BY = Instant.parse("2026-03-01T10:15:00Z");
    private static final String REFUND = RefundRequested.refundIdFor(ORDER);
    private static final List<SealedCardKey> KEYS = List.of(
            new SealedCardKey("fp-1", "v1:cipher-1"), new SealedCardKey("fp-2", "v1:cipher-2"));

    private static final PlaceOrder PLACE_ORDER = new PlaceOrder(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE,
            ProductSource.POOL, null, EMAIL, FINGERPRINT);
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT,
            ProductSource.POOL, null, EMAIL, FINGERPRINT);
    private static final PaymentRequested PAYMENT_REQUESTED = new PaymentRequested(ORDER, PAYMENT, PAY_URL, PAY_BY);
    private static final PaymentConfirmed PAYMENT_CONFIRMED = new PaymentConfirmed(ORDER, PAYMENT, "evt-1", AMOUNT);
    private static final OrderDelivered DELIVERED = new OrderDelivered(ORDER, KEYS, EMAIL);
    private static final OrderCancelled CANCELLED = new OrderCancelled(ORDER, "payment not received in time");
    private static final PaymentReceivedAfterCancellation PAID_LATE = new PaymentReceivedAfterCancellation(ORDER,
            PAYMENT, "evt-1", AMOUNT);
    private static final RefundRequested REFUND_REQUESTED = new RefundRequested(ORDER, PAYMENT, REFUND, AMOUNT,
            "cannot be delivered", false);
    private static final OrderRefunded REFUNDED = new OrderRefunded(ORDER, REFUND);

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    /** The events that bring an order to {@code status} by the usual path. */
    private static List<Object> historyTo(OrderStatus status) {
        List<Object> history = new ArrayList<>(List.of(PLACED));
        switch (status) {
            case PLACED -> {
            }
            case PENDING_PAYMENT -> history.add(PAYMENT_REQUESTED);
            case PAID -> history.addAll(List.of(PAYMENT_REQUESTED, PAYMENT_CONFIRMED));
            case DELIVERED -> history.addAll(List.of(PAYMENT_REQUESTED, PAYMENT_CONFIRMED, DELIVERED));
            case CANCELLED -> history.addAll(List.of(PAYMENT_REQUESTED, CANCELLED));
            case REFUNDING -> history.addAll(List.of(PAYMENT_REQUESTED, PAYMENT_CONFIRMED, REFUND_REQUESTED));
            case REFUNDED -> history.addAll(List.of(PAYMENT_REQUESTED, PAYMENT_CONFIRMED, REFUND_REQUESTED, REFUNDED));
        }
        return history;
    }

    private static String refusal(OrderStatus status, String action) {
        return "Order " + ORDER + " is " + status + " and cannot be " + action + ".";
    }

    // PlaceOrder

    @Test
    void newOrderIsPlaced() {
        fixture.givenNoPriorActivity()
                .when(PLACE_ORDER)
                .expectEvents(PLACED);
    }

    @Test
    void upstreamOrderIsPlacedWithItsSku() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, PRODUCT, PRODUCT_NAME, 1, UNIT_PRICE, ProductSource.UPSTREAM, "SKU-10",
                        EMAIL, FINGERPRINT))
                .expectEvents(new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 1, UNIT_PRICE, UNIT_PRICE,
                        ProductSource.UPSTREAM, "SKU-10", EMAIL, FINGERPRINT));
    }

    @Test
    void orderPlacedInChineseKeepsItsLanguage() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, ProductSource.POOL, null, EMAIL,
                        FINGERPRINT, PaymentMethods.SIMULATOR, "zh-CN"))
                .expectEvents(new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT, ProductSource.POOL,
                        null, EMAIL, FINGERPRINT, PaymentMethods.SIMULATOR, "zh"));
    }

    @Test
    void retriedPlacementOfTheSameRequestChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(PLACE_ORDER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void idempotencyKeyReusedForADifferentRequestIsRefused() {
        fixture.given(PLACED)
                .when(new PlaceOrder(ORDER, PRODUCT, PRODUCT_NAME, 3, UNIT_PRICE, ProductSource.POOL, null, EMAIL,
                        "request-fingerprint-2"))
                .expectException(OrderRefused.IdempotencyKeyReused.class)
                .expectExceptionDetails(new Refusal(Refusal.Kind.CONFLICT, "idempotency-key-reused",
                        "This Idempotency-Key was already used for a different order request."))
                .expectNoEvents();
    }

    // AwaitPayment

    @Test
    void placedOrderAwaitsPaymentOnceThePaymentIsCreated() {
        fixture.given(PLACED)
                .when(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectEvents(PAYMENT_REQUESTED);
    }

    @Test
    void repeatedNoticeOfTheSamePaymentChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void paymentCreatedAfterItWasAlreadyConfirmedChangesNothing() {
        fixture.given(PLACED, PAYMENT_CONFIRMED)
                .when(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void secondPaymentForAnOrderAlreadyAwaitingOneIsRefused() {
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new AwaitPayment(ORDER, "pay-2", "https://psp.test/pay/pay-2", PAY_BY))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(OrderStatus.PENDING_PAYMENT, "waiting for payment"))
                .expectExceptionDetails(new Refusal(Refusal.Kind.CONFLICT, "order-status-conflict",
                        refusal(OrderStatus.PENDING_PAYMENT, "waiting for payment")));
    }

    @ParameterizedTest(name = "a {0} order does not await a payment")
    @EnumSource(value = OrderStatus.class, names = {"PAID", "DELIVERED", "CANCELLED", "REFUNDING", "REFUNDED"})
    void orderPastPlacementDoesNotAwaitANewPayment(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new AwaitPayment(ORDER, "pay-2", "https://psp.test/pay/pay-2", PAY_BY))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(status, "waiting for payment"));
    }

    // ConfirmPayment

    @Test
    void paymentReportedBeforeTheOrderWasGivenOneIsNotTheOrders() {
        fixture.given(PLACED)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", AMOUNT))
                .expectException(OrderRefused.PaymentNotOurs.class)
                .expectNoEvents();
    }

    @Test
    void anotherOrdersPaymentDoesNotPayThisOrder() {
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new ConfirmPayment(ORDER, "pay-of-another-order", "evt-1", AMOUNT))
                .expectException(OrderRefused.PaymentNotOurs.class)
                .expectNoEvents();
    }

    @Test
    void paymentAtAnotherProviderDoesNotPayThisOrder() {
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new ConfirmPayment(ORDER, PaymentMethods.STRIPE, PAYMENT, "evt-1", AMOUNT, null))
                .expectException(OrderRefused.PaymentNotOurs.class)
                .expectNoEvents();
    }

    @Test
    void epayOrderIsPaidUnderTheGatewaysTradeNumber() {
        OrderPlaced epayOrder = new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT, ProductSource.POOL,
                null, EMAIL, FINGERPRINT, PaymentMethods.EPAY);
        fixture.given(epayOrder, new PaymentRequested(ORDER, ORDER, PAY_URL, PAY_BY))
                .when(new ConfirmPayment(ORDER, PaymentMethods.EPAY, ORDER, "epay:2026:TRADE_SUCCESS", AMOUNT, "2026"))
                .expectEvents(new PaymentConfirmed(ORDER, "2026", "epay:2026:TRADE_SUCCESS", AMOUNT));
    }

    @Test
    void repeatedEpayNotificationNamingTheTradeNumberChangesNothing() {
        OrderPlaced epayOrder = new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 2, UNIT_PRICE, AMOUNT, ProductSource.POOL,
                null, EMAIL, FINGERPRINT, PaymentMethods.EPAY);
        fixture.given(epayOrder, new PaymentRequested(ORDER, ORDER, PAY_URL, PAY_BY),
                        new PaymentConfirmed(ORDER, "2026", "epay:2026:TRADE_SUCCESS", AMOUNT))
                .when(new ConfirmPayment(ORDER, PaymentMethods.EPAY, ORDER, "status-check:" + ORDER, AMOUNT, "2026"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void orderAwaitingPaymentIsPaid() {
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", AMOUNT))
                .expectEvents(PAYMENT_CONFIRMED);
    }

    @Test
    void paymentOfTheWrongAmountIsStillRecordedAsPaid() {
        Money tooLittle = Money.of("5.00", "EUR");
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", tooLittle))
                .expectEvents(new PaymentConfirmed(ORDER, PAYMENT, "evt-1", tooLittle));
    }

    @Test
    void paymentForACancelledOrderIsReceivedAfterCancellationWithWhatTheOrderAskedFor() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", Money.of("20.00", "EUR")))
                .expectEvents(new PaymentReceivedAfterCancellation(ORDER, PAYMENT, "evt-1", Money.of("20.00", "EUR")));
    }

    @Test
    void upstreamOrderPaidAfterCancellationNamesItsSku() {
        fixture.given(new OrderPlaced(ORDER, PRODUCT, PRODUCT_NAME, 1, UNIT_PRICE, UNIT_PRICE,
                        ProductSource.UPSTREAM, "SKU-10", EMAIL, FINGERPRINT), PAYMENT_REQUESTED, CANCELLED)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", UNIT_PRICE))
                .expectEvents(new PaymentReceivedAfterCancellation(ORDER, PAYMENT, "evt-1", UNIT_PRICE));
    }

    @Test
    void notificationAlreadyRecordedIsNotRecordedAgain() {
        fixture.given(PLACED, PAYMENT_REQUESTED, new PaymentFailed(ORDER, PAYMENT, "evt-1"))
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void duplicateConfirmationOfAPaymentChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED, PAYMENT_CONFIRMED)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-1", AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} order ignores another report of its payment")
    @EnumSource(value = OrderStatus.class, names = {"PAID", "DELIVERED", "REFUNDING", "REFUNDED"})
    void orderAlreadyPaidIgnoresAnotherReportOfItsPayment(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-2", AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} order refuses a payment that is not its own")
    @EnumSource(value = OrderStatus.class, names = {"PAID", "DELIVERED", "REFUNDING", "REFUNDED"})
    void orderAlreadyPaidRefusesAPaymentThatIsNotItsOwn(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new ConfirmPayment(ORDER, "pay-2", "evt-2", AMOUNT))
                .expectException(OrderRefused.PaymentNotOurs.class)
                .expectNoEvents();
    }

    @Test
    void secondPaymentAfterCancellationChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED, PAID_LATE)
                .when(new ConfirmPayment(ORDER, PAYMENT, "evt-2", AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // RecordBuyerNotification, RecordBuyerNotificationFailure

    @Test
    void mailTakenByTheMailServiceIsRecordedOnce() {
        List<Object> delivered = historyTo(OrderStatus.DELIVERED);
        fixture.given(delivered)
                .when(new RecordBuyerNotification(ORDER, "delivered", "delivered"))
                .expectEvents(new BuyerNotified(ORDER, "delivered", "delivered"));
        delivered.add(new BuyerNotified(ORDER, "delivered", "delivered"));
        fixture.given(delivered)
                .when(new RecordBuyerNotification(ORDER, "delivered", "delivered"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheFirstFailureOfAMailIsRecordedAndNoneAfterItWasSent() {
        List<Object> failedOnce = historyTo(OrderStatus.DELIVERED);
        fixture.given(failedOnce)
                .when(new RecordBuyerNotificationFailure(ORDER, "delivered", "delivered", "connection refused"))
                .expectEvents(new BuyerNotificationFailed(ORDER, "delivered", "delivered", "connection refused"));
        failedOnce.add(new BuyerNotificationFailed(ORDER, "delivered", "delivered", "connection refused"));
        fixture.given(failedOnce)
                .when(new RecordBuyerNotificationFailure(ORDER, "delivered", "delivered", "connection refused"))
                .expectNoEvents();
        List<Object> sent = historyTo(OrderStatus.DELIVERED);
        sent.add(new BuyerNotified(ORDER, "delivered", "delivered"));
        fixture.given(sent)
                .when(new RecordBuyerNotificationFailure(ORDER, "delivered", "delivered", "late timeout"))
                .expectNoEvents();
    }

    // RecordRefundFailure, ConfirmRefundManually

    @Test
    void refundThatTheProviderWillNotMakeWaitsForAnOperator() {
        fixture.given(historyTo(OrderStatus.REFUNDING))
                .when(new RecordRefundFailure(ORDER, 8, "no refunds at this gateway"))
                .expectEvents(new RefundFailed(ORDER, 8, "no refunds at this gateway"));
    }

    @Test
    void operatorsRefundByHandSettlesARefundingOrder() {
        fixture.given(historyTo(OrderStatus.REFUNDING))
                .when(new ConfirmRefundManually(ORDER, "refunded in the gateway's back office"))
                .expectEvents(new OrderRefunded(ORDER, REFUND));
    }

    @ParameterizedTest(name = "a {0} order cannot be marked refunded by hand")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT", "PAID", "DELIVERED", "CANCELLED"})
    void onlyARefundingOrderCanBeMarkedRefundedByHand(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new ConfirmRefundManually(ORDER, "note"))
                .expectException(OrderRefused.TransitionNotAllowed.class);
    }

    // RecordPaymentFailure

    @ParameterizedTest(name = "a failed attempt is recorded while the order is {0}")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT"})
    void failedAttemptIsRecordedWhileTheOrderWaitsForPayment(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new RecordPaymentFailure(ORDER, PAYMENT, "evt-1"))
                .expectEvents(new PaymentFailed(ORDER, PAYMENT, "evt-1"));
    }

    @Test
    void duplicateFailureNotificationChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED, new PaymentFailed(ORDER, PAYMENT, "evt-1"))
                .when(new RecordPaymentFailure(ORDER, PAYMENT, "evt-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherFailedAttemptIsRecordedToo() {
        fixture.given(PLACED, PAYMENT_REQUESTED, new PaymentFailed(ORDER, PAYMENT, "evt-1"))
                .when(new RecordPaymentFailure(ORDER, PAYMENT, "evt-2"))
                .expectEvents(new PaymentFailed(ORDER, PAYMENT, "evt-2"));
    }

    @ParameterizedTest(name = "a failure reported for a {0} order changes nothing")
    @EnumSource(value = OrderStatus.class, names = {"PAID", "DELIVERED", "CANCELLED", "REFUNDING", "REFUNDED"})
    void failureReportedWhenTheOrderNoLongerWaitsChangesNothing(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new RecordPaymentFailure(ORDER, PAYMENT, "evt-9"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failureReportedAfterALatePaymentChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED, PAID_LATE)
                .when(new RecordPaymentFailure(ORDER, PAYMENT, "evt-9"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // RecordCardPurchaseFailure

    @Test
    void failedKeyPurchaseIsRecordedOnThePaidOrder() {
        fixture.given(historyTo(OrderStatus.PAID))
                .when(new RecordCardPurchaseFailure(ORDER, 1, 5, "supplier timed out"))
                .expectEvents(new CardPurchaseFailed(ORDER, 1, 5, "supplier timed out"));
    }

    @Test
    void everyFailedKeyPurchaseIsRecorded() {
        fixture.given(historyTo(OrderStatus.PAID))
                .andGiven(new CardPurchaseFailed(ORDER, 1, 5, "supplier timed out"))
                .when(new RecordCardPurchaseFailure(ORDER, 2, 5, "supplier answered 503"))
                .expectEvents(new CardPurchaseFailed(ORDER, 2, 5, "supplier answered 503"));
    }

    @ParameterizedTest(name = "a failed key purchase reported for a {0} order changes nothing")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT", "DELIVERED", "CANCELLED", "REFUNDING",
            "REFUNDED"})
    void failedKeyPurchaseMattersOnlyWhileThePaidOrderWaitsForItsKeys(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new RecordCardPurchaseFailure(ORDER, 1, 5, "supplier timed out"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // DeliverOrder

    @Test
    void paidOrderIsDelivered() {
        fixture.given(historyTo(OrderStatus.PAID))
                .when(new DeliverOrder(ORDER, KEYS))
                .expectEvents(DELIVERED);
    }

    @Test
    void deliveredOrderIsNotDeliveredAgain() {
        fixture.given(historyTo(OrderStatus.DELIVERED))
                .when(new DeliverOrder(ORDER, List.of(new SealedCardKey("fp-3", "v1:cipher-3"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} order cannot be delivered")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT", "CANCELLED", "REFUNDING", "REFUNDED"})
    void orderIsDeliveredOnlyOncePaid(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new DeliverOrder(ORDER, KEYS))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(status, "delivered"))
                .expectNoEvents();
    }

    @Test
    void cancelledOrderPaidLateIsNotDeliveredBeforeItIsReinstated() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED, PAID_LATE)
                .when(new DeliverOrder(ORDER, KEYS))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(OrderStatus.CANCELLED, "delivered"));
    }

    // CancelOrder (an operator's)

    @ParameterizedTest(name = "an operator cancels a {0} order")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT"})
    void operatorCancelsAnUnpaidOrder(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new CancelOrder(ORDER, "customer asked"))
                .expectEvents(new OrderCancelled(ORDER, "customer asked"));
    }

    @Test
    void cancellingACancelledOrderAgainChangesNothing() {
        fixture.given(historyTo(OrderStatus.CANCELLED))
                .when(new CancelOrder(ORDER, "customer asked"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} order cannot be cancelled")
    @EnumSource(value = OrderStatus.class, names = {"PAID", "DELIVERED", "REFUNDING", "REFUNDED"})
    void paidOrderCannotBeCancelled(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new CancelOrder(ORDER, "customer asked"))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(status, "cancelled"))
                .expectNoEvents();
    }

    // CancelUnpaidOrder (the fulfilment's)

    @ParameterizedTest(name = "the fulfilment cancels a {0} order")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT"})
    void fulfilmentCancelsAnUnpaidOrder(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new CancelUnpaidOrder(ORDER, "out of stock"))
                .expectEvents(new OrderCancelled(ORDER, "out of stock"));
    }

    @ParameterizedTest(name = "giving up on a {0} order changes nothing")
    @EnumSource(value = OrderStatus.class, names = {"PAID", "DELIVERED", "CANCELLED", "REFUNDING", "REFUNDED"})
    void fulfilmentGivingUpOnAnOrderThatWasPaidOrClosedChangesNothing(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new CancelUnpaidOrder(ORDER, "payment not received in time"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ReinstateOrder

    @Test
    void cancelledOrderPaidLateIsReinstated() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED, PAID_LATE)
                .when(new ReinstateOrder(ORDER))
                .expectEvents(new OrderReinstated(ORDER));
    }

    @Test
    void reinstatedOrderIsPaidAndCanBeDelivered() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED, PAID_LATE, new OrderReinstated(ORDER))
                .when(new DeliverOrder(ORDER, KEYS))
                .expectEvents(DELIVERED);
    }

    @Test
    void reinstatingAReinstatedOrderAgainChangesNothing() {
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED, PAID_LATE, new OrderReinstated(ORDER))
                .when(new ReinstateOrder(ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancelledOrderThatWasNeverPaidCannotBeReinstated() {
        fixture.given(historyTo(OrderStatus.CANCELLED))
                .when(new ReinstateOrder(ORDER))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(OrderStatus.CANCELLED, "reinstated"));
    }

    @ParameterizedTest(name = "a {0} order cannot be reinstated")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT", "DELIVERED", "REFUNDING", "REFUNDED"})
    void orderThatWasNotCancelledCannotBeReinstated(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new ReinstateOrder(ORDER))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(status, "reinstated"));
    }

    // RefundOrder

    @Test
    void paidOrderIsRefunded() {
        fixture.given(historyTo(OrderStatus.PAID))
                .when(new RefundOrder(ORDER, "cannot be delivered"))
                .expectEvents(REFUND_REQUESTED);
    }

    @Test
    void deliveredOrderIsRefundedByAnOperator() {
        fixture.given(historyTo(OrderStatus.DELIVERED))
                .when(new RefundOrder(ORDER, "keys did not work"))
                .expectEvents(new RefundRequested(ORDER, PAYMENT, REFUND, AMOUNT, "keys did not work", true));
    }

    @Test
    void cancelledOrderPaidLateIsRefundedWhatWasPaid() {
        Money paid = Money.of("20.00", "EUR");
        fixture.given(PLACED, PAYMENT_REQUESTED, CANCELLED,
                        new PaymentReceivedAfterCancellation(ORDER, "pay-2", "evt-2", paid))
                .when(new RefundOrder(ORDER, "paid after the order was cancelled, and out of stock"))
                .expectEvents(new RefundRequested(ORDER, "pay-2", REFUND, paid,
                        "paid after the order was cancelled, and out of stock", false));
    }

    @Test
    void paymentOfTheWrongAmountIsRefundedInFull() {
        Money tooLittle = Money.of("5.00", "EUR");
        fixture.given(PLACED, PAYMENT_REQUESTED, new PaymentConfirmed(ORDER, PAYMENT, "evt-1", tooLittle))
                .when(new RefundOrder(ORDER, "the amount paid differs from the order's amount"))
                .expectEvents(new RefundRequested(ORDER, PAYMENT, REFUND, tooLittle,
                        "the amount paid differs from the order's amount", false));
    }

    @ParameterizedTest(name = "a {0} order cannot be refunded")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT", "CANCELLED"})
    void orderThatWasNeverPaidCannotBeRefunded(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new RefundOrder(ORDER, "operator"))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(status, "refunded"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "refunding a {0} order again changes nothing")
    @EnumSource(value = OrderStatus.class, names = {"REFUNDING", "REFUNDED"})
    void refundingAnOrderAgainChangesNothing(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new RefundOrder(ORDER, "operator"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ConfirmRefund

    @Test
    void refundAcceptedByThePspRefundsTheOrder() {
        fixture.given(historyTo(OrderStatus.REFUNDING))
                .when(new ConfirmRefund(ORDER, REFUND))
                .expectEvents(REFUNDED);
    }

    @Test
    void refundConfirmedAgainChangesNothing() {
        fixture.given(historyTo(OrderStatus.REFUNDED))
                .when(new ConfirmRefund(ORDER, REFUND))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundOfAnotherIdIsRefused() {
        fixture.given(historyTo(OrderStatus.REFUNDING))
                .when(new ConfirmRefund(ORDER, "rf-someone-else"))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(OrderStatus.REFUNDING, "marked refunded"));
    }

    @ParameterizedTest(name = "a {0} order cannot be marked refunded")
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "PENDING_PAYMENT", "PAID", "DELIVERED", "CANCELLED"})
    void orderWhoseRefundWasNotRequestedCannotBeMarkedRefunded(OrderStatus status) {
        fixture.given(historyTo(status))
                .when(new ConfirmRefund(ORDER, REFUND))
                .expectException(OrderRefused.TransitionNotAllowed.class)
                .expectExceptionMessage(refusal(status, "marked refunded"));
    }

    @Test
    void aBuyersPaymentCheckAsksTheProviderAtOnce() {
        Instant now = Instant.parse("2026-03-01T10:05:00Z");
        fixture.given(PLACED, PAYMENT_REQUESTED)
                .when(new RequestPaymentCheck(ORDER, now, Duration.ofSeconds(2)))
                .expectEvents(new PaymentCheckRequested(ORDER, PAYMENT, now))
                .expectResultMessagePayload(new PaymentCheckStatus(true, now));
    }

    @Test
    void manyPaymentChecksWithinTheSpacingAskTheProviderOnce() {
        Instant first = Instant.parse("2026-03-01T10:05:00Z");
        fixture.given(PLACED, PAYMENT_REQUESTED, new PaymentCheckRequested(ORDER, PAYMENT, first))
                .when(new RequestPaymentCheck(ORDER, first.plusMillis(1999), Duration.ofSeconds(2)))
                .expectNoEvents()
                .expectResultMessagePayload(new PaymentCheckStatus(true, first));
        fixture.given(PLACED, PAYMENT_REQUESTED, new PaymentCheckRequested(ORDER, PAYMENT, first))
                .when(new RequestPaymentCheck(ORDER, first.plusSeconds(2), Duration.ofSeconds(2)))
                .expectEvents(new PaymentCheckRequested(ORDER, PAYMENT, first.plusSeconds(2)))
                .expectResultMessagePayload(new PaymentCheckStatus(true, first));
    }

    @Test
    void aPaidOrderHasNoPaymentToCheck() {
        fixture.given(PLACED, PAYMENT_REQUESTED, PAYMENT_CONFIRMED)
                .when(new RequestPaymentCheck(ORDER, Instant.parse("2026-03-01T10:05:00Z"), Duration.ofSeconds(2)))
                .expectNoEvents()
                .expectResultMessagePayload(PaymentCheckStatus.NOTHING_TO_CHECK);
    }
}
