package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.ReleaseStock;
import dev.cardflow.api.inventory.ReserveStock;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.AwaitPayment;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.ConfirmRefund;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RecordCardPurchaseFailure;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.fulfilment.payment.PaymentGateway;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentTimings;
import dev.cardflow.fulfilment.supplier.CardPurchase;
import dev.cardflow.fulfilment.supplier.CardSupplier;
import dev.cardflow.infrastructure.security.CardKeyCipher;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.cardflow.fulfilment.process.Deadlines.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * The saga as Axon runs it: events in, commands and deadlines out. The PSP and the suppliers are
 * fakes that answer at once, and the answers are turned into commands on the calling thread, so
 * what the saga does after its transaction commits is recorded with the step that caused it.
 */
class OrderFulfilmentSagaTest {

    private static final String ORDER = "o-1";
    private static final String PRODUCT = "p-1";
    private static final String PAYMENT = "pay-1";
    private static final String PAY_URL = "https://psp.test/pay/pay-1";
    private static final Money UNIT_PRICE = Money.of("9.90", "EUR");
    private static final Money AMOUNT = Money.of("19.80", "EUR");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant PAY_BY = T0.plus(Duration.ofMinutes(15));
    private static final List<SealedCardKey> KEYS = List.of(
            new SealedCardKey("fp-1", "v1:cipher-1"), new SealedCardKey("fp-2", "v1:cipher-2"));

    private static final OrderPlaced POOL_ORDER = new OrderPlaced(ORDER, PRODUCT, "Steam 10 EUR", 2, UNIT_PRICE,
            AMOUNT, ProductSource.POOL, null, "buyer@example.com", "request-1");
    private static final OrderPlaced UPSTREAM_ORDER = new OrderPlaced(ORDER, PRODUCT, "Xbox 25 EUR", 2, UNIT_PRICE,
            AMOUNT, ProductSource.UPSTREAM, "XBOX-25", "buyer@example.com", "request-1");
    private static final StockReserved STOCK_RESERVED = new StockReserved(PRODUCT, ORDER, KEYS);
    private static final StockReservationRejected OUT_OF_STOCK = new StockReservationRejected(PRODUCT, ORDER, 2, 1);
    private static final PaymentRequested PAYMENT_REQUESTED = new PaymentRequested(ORDER, PAYMENT, PAY_URL, PAY_BY);
    private static final PaymentConfirmed PAYMENT_CONFIRMED = new PaymentConfirmed(ORDER, PAYMENT, "evt-1", AMOUNT);
    private static final OrderCancelled CANCELLED = new OrderCancelled(ORDER, "out of stock");
    private static final PaymentReceivedAfterCancellation PAID_LATE = new PaymentReceivedAfterCancellation(ORDER,
            "pay-2", "evt-2", AMOUNT, PRODUCT, 2, ProductSource.POOL, null, AMOUNT);

    private final FakePsp psp = new FakePsp();
    private final FakeSupplier supplier = new FakeSupplier();
    private final CardKeyCipher cipher = new CardKeyCipher("saga-test-secret".getBytes(StandardCharsets.UTF_8));
    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        StubDeadlineManager deadlines = deadlineManagerOf(fixture);
        fixture.registerResource(new FulfilmentActions(
                new FulfilmentProcess(FulfilmentTimings.defaults()),
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build(),
                deadlines,
                new PaymentGateways(Map.of(PaymentMethods.SIMULATOR, psp)),
                new CardPurchase(supplier, supplier, cipher),
                Runnable::run,
                clockOf(deadlines)));
    }

    /**
     * The fixture asserts and advances deadlines on its own stub manager but does not hand it out;
     * the saga's actions must schedule on that very instance, so it is read from the fixture.
     */
    private static StubDeadlineManager deadlineManagerOf(SagaTestFixture<?> fixture) {
        try {
            return ReflectionUtils.getFieldValue(SagaTestFixture.class.getDeclaredField("deadlineManager"), fixture);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("SagaTestFixture no longer keeps its deadline manager in this field", e);
        }
    }

    /** The fixture's time as a clock: a deadline is handled at the time it was due. */
    private static Clock clockOf(StubDeadlineManager deadlines) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return deadlines.getCurrentDateTime();
            }
        };
    }

    private static Matcher<DeadlineMessage<?>> deadlineNamed(String name) {
        return matches(deadline -> deadline.getDeadlineName().equals(name));
    }

    // the happy path of a POOL product, step by step

    @Test
    void placedOrderReservesItsStockAndSetsTheBuyersTimeToPay() {
        fixture.givenCurrentTime(T0)
                .whenAggregate(ORDER).publishes(POOL_ORDER)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(new ReserveStock(PRODUCT, ORDER, 2))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), PAYMENT_EXPIRY);
    }

    @Test
    void reservedStockCreatesThePaymentAtThePsp() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenAggregate(PRODUCT).publishes(STOCK_RESERVED)
                .expectDispatchedCommands(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), PAYMENT_CREATION_RETRY)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), PAYMENT_EXPIRY);
    }

    @Test
    void awaitedPaymentIsNoLongerCreatedButChecked() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .whenAggregate(ORDER).publishes(PAYMENT_REQUESTED)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlineMatching(deadlineNamed(PAYMENT_CREATION_RETRY))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), PAYMENT_CHECK)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), PAYMENT_EXPIRY);
    }

    @Test
    void confirmedPaymentIssuesTheReservedKeysAndClearsEveryDeadline() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenAggregate(ORDER).publishes(PAYMENT_CONFIRMED)
                .expectDispatchedCommands(new IssueReservedStock(PRODUCT, ORDER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void issuedKeysAreDeliveredToTheBuyer() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED, PAYMENT_CONFIRMED)
                .whenAggregate(PRODUCT).publishes(new StockIssued(PRODUCT, ORDER, KEYS))
                .expectDispatchedCommands(new DeliverOrder(ORDER, KEYS));
    }

    @Test
    void deliveredOrderEndsTheSaga() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED, PAYMENT_CONFIRMED)
                .andThenAggregate(PRODUCT).published(new StockIssued(PRODUCT, ORDER, KEYS))
                .whenAggregate(ORDER).publishes(new OrderDelivered(ORDER, KEYS, "buyer@example.com"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    // outside calls that go wrong or unanswered

    @Test
    void paymentCreationIsRetriedWhenThePspDidNotAnswer() {
        psp.failCreation();
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED);
        psp.answerCreation();

        fixture.whenTimeElapses(Duration.ofSeconds(5))
                .expectTriggeredDeadlinesWithName(PAYMENT_CREATION_RETRY)
                .expectDispatchedCommands(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), PAYMENT_CREATION_RETRY);
    }

    @Test
    void paymentWhoseNotificationWasLostIsConfirmedByAskingThePsp() {
        psp.reportPayment("SUCCEEDED");
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectTriggeredDeadlinesWithName(PAYMENT_CHECK)
                .expectDispatchedCommands(new ConfirmPayment(ORDER, PAYMENT, "status-check:" + PAYMENT, AMOUNT))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), PAYMENT_CHECK);
    }

    @Test
    void refusedCommandDoesNotFailTheSaga() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new TestRefusal();
        });
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenAggregate(PRODUCT).publishes(OUT_OF_STOCK)
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "out of stock"))
                .expectActiveSagas(1);
    }

    // out of stock

    @Test
    void rejectedReservationCancelsTheOrderAsOutOfStock() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenAggregate(PRODUCT).publishes(OUT_OF_STOCK)
                .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "out of stock"));
    }

    @Test
    void cancelledOrderReleasesItsStockAndEndsTheSaga() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .whenAggregate(ORDER).publishes(CANCELLED)
                .expectDispatchedCommands(new ReleaseStock(PRODUCT, ORDER))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    // payment expiry

    @Test
    void unpaidOrderIsCancelledWhenTheBuyersTimeToPayIsUp() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenTimeElapses(Duration.ofMinutes(15))
                .expectTriggeredDeadlinesMatching(listWithAnyOf(deadlineNamed(PAYMENT_EXPIRY)))
                .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "payment not received in time"));
    }

    @Test
    void paymentMadeAtTheLastMinuteIsConfirmedInsteadOfCancelled() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .andThenTimeElapses(Duration.ofMinutes(15).minusSeconds(1));
        psp.reportPayment("SUCCEEDED");

        fixture.whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesMatching(listWithAnyOf(deadlineNamed(PAYMENT_EXPIRY)))
                .expectDispatchedCommands(new ConfirmPayment(ORDER, PAYMENT, "status-check:" + PAYMENT, AMOUNT));
    }

    @Test
    void paymentIsNotOverdueASecondEarly() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenTimeElapses(Duration.ofMinutes(15).minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), PAYMENT_EXPIRY);
    }

    @Test
    void orderStillWaitingForItsStockIsCancelledWhenTheBuyersTimeToPayIsUp() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenTimeElapses(Duration.ofMinutes(15))
                .expectTriggeredDeadlinesWithName(PAYMENT_EXPIRY)
                .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "payment not received in time"));
    }

    @Test
    void paidOrderIsNotCancelledWhenTheBuyersTimeToPayIsUp() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED, PAYMENT_CONFIRMED)
                .whenTimeElapses(Duration.ofMinutes(15))
                .expectTriggeredDeadlinesWithName()
                .expectNoDispatchedCommands();
    }

    // late payment

    @Test
    void latePaymentStartsANewFulfilmentThatReservesStockAgain() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .andThenAggregate(ORDER).published(CANCELLED)
                .andThenTimeElapses(Duration.ofMinutes(20))
                .whenAggregate(ORDER).publishes(PAID_LATE)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(new ReserveStock(PRODUCT, ORDER, 2))
                .expectNoScheduledDeadlines();
    }

    @Test
    void latePaymentWithStockLeftReinstatesTheOrder() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .andThenAggregate(ORDER).published(CANCELLED, PAID_LATE)
                .whenAggregate(PRODUCT).publishes(STOCK_RESERVED)
                .expectDispatchedCommands(new ReinstateOrder(ORDER));
    }

    @Test
    void reinstatedOrderIssuesItsKeys() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .andThenAggregate(ORDER).published(CANCELLED, PAID_LATE)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .whenAggregate(ORDER).publishes(new OrderReinstated(ORDER))
                .expectDispatchedCommands(new IssueReservedStock(PRODUCT, ORDER));
    }

    @Test
    void latePaymentWithoutStockIsRefunded() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .andThenAggregate(ORDER).published(CANCELLED, PAID_LATE)
                .whenAggregate(PRODUCT).publishes(new StockReservationRejected(PRODUCT, ORDER, 2, 0))
                .expectDispatchedCommands(
                        new RefundOrder(ORDER, "paid after the order was cancelled, and out of stock"));
    }

    // refunds

    @Test
    void requestedRefundIsPaidBackAtThePspAndConfirmed() {
        String refund = RefundRequested.refundIdFor(ORDER);
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .andThenAggregate(ORDER).published(CANCELLED, PAID_LATE)
                .andThenAggregate(PRODUCT).published(new StockReservationRejected(PRODUCT, ORDER, 2, 0))
                .whenAggregate(ORDER).publishes(new RefundRequested(ORDER, "pay-2", refund, AMOUNT,
                        "paid after the order was cancelled, and out of stock", PRODUCT, ProductSource.POOL, false))
                .expectDispatchedCommands(new ReleaseStock(PRODUCT, ORDER), new ConfirmRefund(ORDER, refund))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), REFUND_RETRY);
        assertThat(psp.refunds).containsExactly("pay-2 " + refund + " 19.80 EUR");
    }

    // an UPSTREAM product

    @Test
    void paidUpstreamOrderIsDeliveredWithKeysBoughtFromTheSupplier() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(UPSTREAM_ORDER, PAYMENT_REQUESTED)
                .whenAggregate(ORDER).publishes(PAYMENT_CONFIRMED)
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        matches(this::deliversTheSuppliersKeys), andNoMore())))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), CARD_PURCHASE_RETRY);
        assertThat(supplier.requests).containsExactly("ck-o-1 XBOX-25 2");
    }

    @Test
    void failedKeyPurchaseIsRecordedOnTheOrder() {
        supplier.fail();
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(UPSTREAM_ORDER, PAYMENT_REQUESTED)
                .whenAggregate(ORDER).publishes(PAYMENT_CONFIRMED)
                .expectDispatchedCommands(new RecordCardPurchaseFailure(ORDER, 1, 5,
                        "supplier unreachable (IllegalStateException)"));
        assertThat(supplier.requests).containsExactly("ck-o-1 XBOX-25 2", "ck-o-1 XBOX-25 2");
    }

    @Test
    void failedKeyPurchaseIsTriedAgainAfterAWait() {
        supplier.fail();
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(UPSTREAM_ORDER, PAYMENT_REQUESTED, PAYMENT_CONFIRMED)
                .whenAggregate(ORDER).publishes(new CardPurchaseFailed(ORDER, 1, 5, "supplier timed out"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), CARD_PURCHASE_RETRY)
                .expectNoScheduledDeadlineWithName(Duration.ofMinutes(1), CARD_PURCHASE_RETRY);
    }

    @Test
    void orderIsRefundedWhenTheLastKeyPurchaseFails() throws Exception {
        supplier.fail();
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(UPSTREAM_ORDER, PAYMENT_REQUESTED, PAYMENT_CONFIRMED);
        for (int attempt = 1; attempt <= 4; attempt++) {
            fixture.andThenAggregate(ORDER).published(new CardPurchaseFailed(ORDER, attempt, 5, "supplier timed out"))
                    .andThenTimeElapses(Duration.ofMinutes(1));
        }

        fixture.whenAggregate(ORDER).publishes(new CardPurchaseFailed(ORDER, 5, 5, "supplier timed out"))
                .expectDispatchedCommands(new RefundOrder(ORDER, "the card suppliers could not issue the keys"))
                .expectNoScheduledDeadlines();
        assertThat(supplier.requests).hasSize(2 * 5);
    }

    private boolean deliversTheSuppliersKeys(Object command) {
        return command instanceof DeliverOrder deliver
                && deliver.orderId().equals(ORDER)
                && deliver.cardKeys().stream().map(SealedCardKey::fingerprint).toList()
                .equals(List.of(cipher.fingerprint("KEY-1"), cipher.fingerprint("KEY-2")))
                && deliver.cardKeys().stream().map(cipher::open).toList().equals(List.of("KEY-1", "KEY-2"));
    }

    /** A PSP that answers at once: it creates {@code pay-1} and reports it in the status the test sets. */
    private static final class FakePsp implements PaymentGateway {

        private boolean creationFails;
        private String status = "PENDING";
        private final List<String> refunds = new ArrayList<>();

        void failCreation() {
            creationFails = true;
        }

        void answerCreation() {
            creationFails = false;
        }

        void reportPayment(String status) {
            this.status = status;
        }

        @Override
        public CompletableFuture<CreatedPayment> createPayment(PaymentRequest request) {
            return creationFails
                    ? CompletableFuture.failedFuture(new IllegalStateException("PSP unavailable"))
                    : CompletableFuture.completedFuture(new CreatedPayment(PAYMENT, PAY_URL));
        }

        @Override
        public CompletableFuture<PaymentState> paymentState(String orderId, String paymentId) {
            return CompletableFuture.completedFuture(new PaymentState(paymentId,
                    "SUCCEEDED".equals(status) || "REFUNDED".equals(status), AMOUNT, null));
        }

        @Override
        public CompletableFuture<Void> refund(String orderId, String paymentId, String refundId, Money amount) {
            refunds.add(paymentId + " " + refundId + " " + amount.plain() + " " + amount.currency());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A supplier that has keys, until the test makes it fail. */
    private static final class FakeSupplier implements CardSupplier {

        private final List<String> requests = new ArrayList<>();
        private boolean failing;

        void fail() {
            failing = true;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public CompletableFuture<List<String>> issue(String requestId, String sku, int quantity) {
            requests.add(requestId + " " + sku + " " + quantity);
            return failing
                    ? CompletableFuture.failedFuture(new IllegalStateException("supplier down"))
                    : CompletableFuture.completedFuture(List.of("KEY-1", "KEY-2"));
        }
    }

    /** A refusal as an aggregate would give it. */
    private static final class TestRefusal extends DomainRefusal {
        TestRefusal() {
            super(Refusal.Kind.CONFLICT, "test-refusal", "refused by the test");
        }
    }
}
