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
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.ConfirmRefund;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RecordCardPurchaseFailure;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.fulfilment.payment.PaymentGateway;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.process.DeadlineSignal;
import dev.cardflow.fulfilment.process.FulfilmentInput;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentTimings;
import dev.cardflow.fulfilment.process.OrderSoFar;
import dev.cardflow.fulfilment.supplier.CardPurchase;
import dev.cardflow.fulfilment.supplier.CardSupplier;
import dev.cardflow.infrastructure.security.CardKeyCipher;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The saga as Axon runs it: events in, commands and deadlines out — what the process test cannot
 * show: which events start and end a saga and reach it by the order's id, that deadlines are kept
 * and come back through the saga's one stored deadline (its alarm, {@value PendingDeadlines#WAKE_UP}),
 * that the outside world's answers become commands, and how refusals are taken. The
 * decisions themselves are {@code FulfilmentProcessTest}'s. The PSP and the suppliers are fakes that
 * answer at once, on the calling thread, so what the saga does after its transaction commits is
 * recorded with the step that caused it.
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

    private static final String WAKE_UP = PendingDeadlines.WAKE_UP;

    private static final OrderPlaced POOL_ORDER = new OrderPlaced(ORDER, PRODUCT, "Steam 10 EUR", 2, UNIT_PRICE,
            AMOUNT, ProductSource.POOL, null, "buyer@example.com", "request-1");
    private static final OrderPlaced UPSTREAM_ORDER = new OrderPlaced(ORDER, PRODUCT, "Xbox 25 EUR", 2, UNIT_PRICE,
            AMOUNT, ProductSource.UPSTREAM, "XBOX-25", "buyer@example.com", "request-1");
    private static final StockReserved STOCK_RESERVED = new StockReserved(PRODUCT, ORDER, KEYS);
    private static final StockReservationRejected OUT_OF_STOCK = new StockReservationRejected(PRODUCT, ORDER, 2, 1);
    private static final PaymentRequested PAYMENT_REQUESTED = new PaymentRequested(ORDER, PAYMENT, PAY_URL, PAY_BY);
    private static final PaymentConfirmed PAYMENT_CONFIRMED = new PaymentConfirmed(ORDER, PAYMENT, "evt-1", AMOUNT);
    private static final OrderCancelled CANCELLED = new OrderCancelled(ORDER, "out of stock");
    private static final PaymentReceivedAfterCancellation PAID_LATE =
            new PaymentReceivedAfterCancellation(ORDER, "pay-2", "evt-2", AMOUNT);

    private final FakePsp psp = new FakePsp();
    private final FakeSupplier supplier = new FakeSupplier();
    private final CardKeyCipher cipher = new CardKeyCipher("saga-test-secret".getBytes(StandardCharsets.UTF_8));
    /** The order as its event stream would tell it to a saga that starts late. */
    private OrderSoFar order = OrderSoFar.UNKNOWN.with(POOL_ORDER);
    /** The process, watched: which deadlines reach it, in which order. */
    private final FulfilmentProcess process = spy(new FulfilmentProcess(FulfilmentTimings.defaults()));
    /** How much later than its time a deadline is handled (as when no instance ran for a while). */
    private Duration late = Duration.ZERO;
    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        // the saga schedules on the deadline manager the fixture injects, so no resource of ours holds one
        fixture.registerResource(new FulfilmentActions(
                process,
                id -> order,
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build(),
                new PaymentGateways(Map.of(PaymentMethods.SIMULATOR, psp)),
                new CardPurchase(supplier, supplier, cipher),
                Runnable::run,
                fixtureClock()));
    }

    /** The fixture's time as a clock, which a deadline is handled at (plus {@link #late}, if it comes late). */
    private Clock fixtureClock() {
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
                return fixture.currentTime().plus(late);
            }
        };
    }

    private static Matcher<DeadlineMessage<?>> deadlineNamed(String name) {
        return matches(deadline -> deadline.getDeadlineName().equals(name));
    }

    // the life of a saga

    @Test
    void placedOrderStartsASagaThatReservesItsStockAndSetsTheBuyersTimeToPay() {
        fixture.givenCurrentTime(T0)
                .whenAggregate(ORDER).publishes(POOL_ORDER)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(new ReserveStock(PRODUCT, ORDER, 2))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), WAKE_UP);
    }

    @Test
    void inventoryEventsReachTheSagaOfTheOrderTheyName() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenAggregate(PRODUCT).publishes(STOCK_RESERVED)
                .expectDispatchedCommands(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), WAKE_UP);
    }

    @Test
    void eventTheFulfilmentIgnoresChangesNothing() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenAggregate(ORDER).publishes(new PaymentFailed(ORDER, PAYMENT, "evt-0"))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), WAKE_UP);
    }

    @Test
    void deliveredOrderEndsTheSagaAndItsDeadlines() {
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

    @Test
    void latePaymentStartsANewSagaFromTheOrdersOwnEvents() throws Exception {
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
    void operatorsRetryWithoutARunningSagaStartsOneFromWhereTheOrderStands() {
        order = order.with(PAYMENT_REQUESTED);
        psp.reportPayment("SUCCEEDED");

        fixture.givenCurrentTime(T0.plus(Duration.ofMinutes(5)))
                .whenAggregate(ORDER).publishes(new FulfilmentRetryRequested(ORDER, OrderStatus.PENDING_PAYMENT))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ConfirmPayment(ORDER, PAYMENT, "status-check:" + PAYMENT, AMOUNT))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), WAKE_UP);
    }

    @Test
    void retryOfAnOrderWithoutEventsStartsNoSaga() {
        order = OrderSoFar.UNKNOWN;

        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(new FulfilmentRetryRequested(ORDER, OrderStatus.PAID))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    // deadlines, kept by the saga and woken by its alarm through Axon's deadline manager

    @Test
    void paymentCreationIsRetriedWhenThePspDidNotAnswer() {
        psp.failCreation();
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED);
        psp.answerCreation();

        fixture.whenTimeElapses(Duration.ofSeconds(5))
                .expectTriggeredDeadlinesWithName(WAKE_UP)
                .expectDispatchedCommands(new AwaitPayment(ORDER, PAYMENT, PAY_URL, PAY_BY))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), WAKE_UP);
    }

    @Test
    void paymentWhoseNotificationWasLostIsConfirmedByAskingThePsp() {
        psp.reportPayment("SUCCEEDED");
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectTriggeredDeadlinesMatching(listWithAnyOf(deadlineNamed(WAKE_UP)))
                .expectDispatchedCommands(new ConfirmPayment(ORDER, PAYMENT, "status-check:" + PAYMENT, AMOUNT))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), WAKE_UP);
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
                .expectTriggeredDeadlinesMatching(listWithAnyOf(deadlineNamed(WAKE_UP)))
                .expectDispatchedCommands(new ConfirmPayment(ORDER, PAYMENT, "status-check:" + PAYMENT, AMOUNT));
    }

    @Test
    void unpaidOrderIsCancelledWhenThePspStillReportsNoPayment() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenTimeElapses(Duration.ofMinutes(15))
                .expectTriggeredDeadlinesMatching(listWithAnyOf(deadlineNamed(WAKE_UP)))
                .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "payment not received in time"));
    }

    @Test
    void paymentIsNotOverdueASecondEarly() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenTimeElapses(Duration.ofMinutes(15).minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), WAKE_UP);
    }

    // the alarm: one stored deadline wakes the saga for the earliest of its waits

    @Test
    void alarmMovesEarlierForAnEarlierWaitRatherThanAddingADeadline() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenAggregate(PRODUCT).publishes(STOCK_RESERVED)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), WAKE_UP)
                .expectNoScheduledDeadlineWithName(T0.plusSeconds(6), T0.plus(Duration.ofDays(1)), WAKE_UP);
    }

    @Test
    void alarmMovesLaterWhenTheWaitItWasSetForIsReplacedByALaterOne() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                // the payment check, due in 10 s, replaces the payment creation's retry, due in 5 s
                .whenAggregate(ORDER).publishes(PAYMENT_REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), WAKE_UP)
                .expectNoScheduledDeadlineWithName(T0, T0.plusSeconds(9), WAKE_UP)
                .expectNoScheduledDeadlineWithName(T0.plusSeconds(11), T0.plus(Duration.ofDays(1)), WAKE_UP);
    }

    @Test
    void noAlarmRingsBeforeTheEarliestWait() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenTimeElapses(Duration.ofSeconds(9))
                .expectTriggeredDeadlines()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), WAKE_UP);
        verify(process, never()).handle(any(), isA(FulfilmentInput.Deadline.class), any(), any());
    }

    @Test
    void alarmIsCancelledWhenNothingIsDue() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED)
                .whenAggregate(ORDER).publishes(PAYMENT_CONFIRMED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new IssueReservedStock(PRODUCT, ORDER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void everyWaitDueWhenTheAlarmRingsLateReachesTheFulfilmentOnceEarliestFirst() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(STOCK_RESERVED)
                .andThenAggregate(ORDER).published(PAYMENT_REQUESTED);
        // the alarm set for the payment check (10 s) rings 15 minutes late: the check and the expiry are due
        late = Duration.ofMinutes(15);

        fixture.whenTimeElapses(Duration.ofSeconds(10))
                .expectTriggeredDeadlinesWithName(WAKE_UP)
                .expectDispatchedCommands(new CancelUnpaidOrder(ORDER, "payment not received in time"))
                // the next check, 20 s after the late wake-up
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15).plusSeconds(20), WAKE_UP);
        InOrder inOrder = inOrder(process);
        inOrder.verify(process).handle(any(), eq(new FulfilmentInput.Deadline(DeadlineSignal.PAYMENT_CHECK)), any(),
                any());
        inOrder.verify(process).handle(any(), eq(new FulfilmentInput.Deadline(DeadlineSignal.PAYMENT_EXPIRY)), any(),
                any());
        verify(process, times(2)).handle(any(), isA(FulfilmentInput.Deadline.class), any(), any());
    }

    @Test
    void cancelledOrderEndsTheSagaAndItsAlarm() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .whenAggregate(ORDER).publishes(CANCELLED)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    // refusals

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

    @Test
    void refusalFromAnotherServiceIsARefusalToo() {
        // behind Axon Server a refusal arrives as a plain CommandExecutionException carrying its Refusal
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new CommandExecutionException("refused", null,
                    new Refusal(Refusal.Kind.CONFLICT, "test-refusal", "refused by another service"));
        });
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .whenAggregate(PRODUCT).publishes(OUT_OF_STOCK)
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1);
    }

    // the outside world's answers

    @Test
    void requestedRefundIsPaidBackAtThePspAndConfirmed() {
        String refund = RefundRequested.refundIdFor(ORDER);
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(POOL_ORDER)
                .andThenAggregate(PRODUCT).published(OUT_OF_STOCK)
                .andThenAggregate(ORDER).published(CANCELLED, PAID_LATE)
                .andThenAggregate(PRODUCT).published(new StockReservationRejected(PRODUCT, ORDER, 2, 0))
                .whenAggregate(ORDER).publishes(new RefundRequested(ORDER, "pay-2", refund, AMOUNT,
                        "paid after the order was cancelled, and out of stock", false))
                .expectDispatchedCommands(new ReleaseStock(PRODUCT, ORDER), new ConfirmRefund(ORDER, refund))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), WAKE_UP);
        assertThat(psp.refunds).containsExactly("pay-2 " + refund + " 19.80 EUR");
    }

    @Test
    void paidUpstreamOrderIsDeliveredWithKeysBoughtFromTheSupplier() {
        fixture.givenCurrentTime(T0)
                .andThenAggregate(ORDER).published(UPSTREAM_ORDER, PAYMENT_REQUESTED)
                .whenAggregate(ORDER).publishes(PAYMENT_CONFIRMED)
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        matches(this::deliversTheSuppliersKeys), andNoMore())))
                // the alarm moved from the payment check to the purchase's retry
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), WAKE_UP);
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
