package dev.cardflow.order.command.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.AwaitPayment;
import dev.cardflow.api.order.CancelOrder;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.ConfirmPaymentManually;
import dev.cardflow.api.order.ConfirmRefundManually;
import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.api.order.RecordCardPurchaseFailure;
import dev.cardflow.api.order.RecordPaymentFailure;
import dev.cardflow.api.order.RecordRefundFailure;
import dev.cardflow.api.order.ReinstateOrder;
import dev.cardflow.api.order.ResendDeliveryNotification;
import dev.cardflow.api.order.RetryFulfilment;
import dev.cardflow.infrastructure.web.Problem;
import dev.cardflow.infrastructure.web.ProblemResponses;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.cardflow.api.order.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's transition table, as the users of the API meet it: for every status, what each
 * command does — move the order, record a fact, change nothing (a repeat, or nothing to do), or
 * refuse with a 409 problem. Histories are built from commands, so the table does not depend
 * on the shape of the events.
 */
class OrderTransitionsTest {

    private static final String ORDER = "o-1";
    private static final Money PRICE = Money.of("9.90", "EUR");
    private static final String PAYMENT = "pay-1";

    private static final Object PLACE = new PlaceOrder(ORDER, "p-1", "Steam 10 EUR", 1, PRICE, ProductSource.POOL,
            null, "buyer@example.com", "fingerprint-1");
    private static final Object AWAIT = new AwaitPayment(ORDER, PAYMENT, "https://psp.test/pay/" + PAYMENT,
            Instant.parse("2026-03-01T10:15:00Z"));
    private static final Object PAY = new ConfirmPayment(ORDER, PAYMENT, "evt-1", PRICE);
    private static final Object DELIVER = new DeliverOrder(ORDER, List.of(new SealedCardKey("fp-1", "v1:cipher-1")));
    private static final Object GIVE_UP = new CancelUnpaidOrder(ORDER, "payment not received in time");
    private static final Object REFUND = new RefundOrder(ORDER, "buyer asked");
    private static final Object REFUNDED_BY_HAND = new ConfirmRefundManually(ORDER, "refunded at the provider");

    /** The statuses an order can be in, each reached by the commands of its usual path. */
    private static final Map<String, List<Object>> STATES = new LinkedHashMap<>();
    /** The commands that aim at a status. */
    private static final Map<String, Object> COMMANDS = new LinkedHashMap<>();
    /** The events that move an order, and where to. */
    private static final Map<Class<?>, OrderStatus> MOVES = Map.of(
            PaymentRequested.class, PENDING_PAYMENT, PaymentConfirmed.class, PAID, OrderReinstated.class, PAID,
            OrderDelivered.class, DELIVERED, OrderCancelled.class, CANCELLED, RefundRequested.class, REFUNDING,
            OrderRefunded.class, REFUNDED);

    /** Each command on each state runs once for all tests. */
    private static final Map<String, Outcome> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        STATES.put("PLACED", List.of(PLACE));
        STATES.put("PENDING_PAYMENT", List.of(PLACE, AWAIT));
        STATES.put("PAID", List.of(PLACE, AWAIT, PAY));
        STATES.put("DELIVERED", List.of(PLACE, AWAIT, PAY, DELIVER));
        STATES.put("CANCELLED", List.of(PLACE, AWAIT, GIVE_UP));
        STATES.put("CANCELLED, paid late", List.of(PLACE, AWAIT, GIVE_UP, PAY));
        STATES.put("REFUNDING", List.of(PLACE, AWAIT, PAY, REFUND));
        STATES.put("REFUNDED", List.of(PLACE, AWAIT, PAY, REFUND, REFUNDED_BY_HAND));

        COMMANDS.put("AwaitPayment (another payment)", new AwaitPayment(ORDER, "pay-2", "https://psp.test/pay/pay-2",
                Instant.parse("2026-03-01T10:30:00Z")));
        COMMANDS.put("ConfirmPayment (a new notification)", new ConfirmPayment(ORDER, PAYMENT, "evt-2", PRICE));
        COMMANDS.put("ConfirmPaymentManually", new ConfirmPaymentManually(ORDER, "trade-9", "seen in the PSP portal"));
        COMMANDS.put("ReinstateOrder", new ReinstateOrder(ORDER));
        COMMANDS.put("DeliverOrder", DELIVER);
        COMMANDS.put("CancelOrder", new CancelOrder(ORDER, "operator"));
        COMMANDS.put("CancelUnpaidOrder", GIVE_UP);
        COMMANDS.put("RefundOrder", REFUND);
        COMMANDS.put("ConfirmRefundManually", REFUNDED_BY_HAND);
        // the commands that never move the order: they record a fact while its status gives them one
        COMMANDS.put("RecordPaymentFailure", new RecordPaymentFailure(ORDER, PAYMENT, "evt-3"));
        COMMANDS.put("RecordCardPurchaseFailure", new RecordCardPurchaseFailure(ORDER, 1, 3, "supplier timeout"));
        COMMANDS.put("RecordRefundFailure", new RecordRefundFailure(ORDER, 3, "provider down"));
        COMMANDS.put("RetryFulfilment", new RetryFulfilment(ORDER));
        COMMANDS.put("ResendDeliveryNotification", new ResendDeliveryNotification(ORDER));
        COMMANDS.put("RequestPaymentCheck", new dev.cardflow.api.order.RequestPaymentCheck(ORDER,
                Instant.parse("2026-03-01T10:05:00Z"), java.time.Duration.ofSeconds(2)));
    }

    @Test
    void theTransitionTableAllowsOnlyTheseMoves() {
        Map<OrderStatus, Set<OrderStatus>> table = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            table.put(status, status.allowedNext());
        }
        assertThat(table).isEqualTo(Map.of(
                PLACED, EnumSet.of(PENDING_PAYMENT, PAID, CANCELLED),
                PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED),
                PAID, EnumSet.of(DELIVERED, REFUNDING),
                DELIVERED, EnumSet.of(REFUNDING),
                CANCELLED, EnumSet.of(PAID, REFUNDING),
                REFUNDING, EnumSet.of(REFUNDED),
                REFUNDED, EnumSet.noneOf(OrderStatus.class)));
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canMoveTo(status)).as("%s to itself is a repeat, not a move", status).isFalse();
        }
    }

    @Test
    void everyCommandInEveryStatusMovesRecordsChangesNothingOrIsRefusedWithAConflict() {
        String table = STATES.keySet().stream()
                .flatMap(state -> COMMANDS.keySet().stream().map(command ->
                        state + " + " + command + ": " + run(state, command).describe()))
                .collect(Collectors.joining("\n"));
        System.out.println(table);

        assertThat(table).isEqualTo("""
                PLACED + AwaitPayment (another payment): → PENDING_PAYMENT
                PLACED + ConfirmPayment (a new notification): 409 payment-not-ours
                PLACED + ConfirmPaymentManually: → PAID
                PLACED + ReinstateOrder: 409 order-status-conflict
                PLACED + DeliverOrder: 409 order-status-conflict
                PLACED + CancelOrder: → CANCELLED
                PLACED + CancelUnpaidOrder: → CANCELLED
                PLACED + RefundOrder: 409 order-status-conflict
                PLACED + ConfirmRefundManually: 409 order-status-conflict
                PLACED + RecordPaymentFailure: records PaymentFailed
                PLACED + RecordCardPurchaseFailure: unchanged
                PLACED + RecordRefundFailure: unchanged
                PLACED + RetryFulfilment: records FulfilmentRetryRequested
                PLACED + ResendDeliveryNotification: 409 order-status-conflict
                PLACED + RequestPaymentCheck: unchanged
                PENDING_PAYMENT + AwaitPayment (another payment): 409 order-status-conflict
                PENDING_PAYMENT + ConfirmPayment (a new notification): → PAID
                PENDING_PAYMENT + ConfirmPaymentManually: → PAID
                PENDING_PAYMENT + ReinstateOrder: 409 order-status-conflict
                PENDING_PAYMENT + DeliverOrder: 409 order-status-conflict
                PENDING_PAYMENT + CancelOrder: → CANCELLED
                PENDING_PAYMENT + CancelUnpaidOrder: → CANCELLED
                PENDING_PAYMENT + RefundOrder: 409 order-status-conflict
                PENDING_PAYMENT + ConfirmRefundManually: 409 order-status-conflict
                PENDING_PAYMENT + RecordPaymentFailure: records PaymentFailed
                PENDING_PAYMENT + RecordCardPurchaseFailure: unchanged
                PENDING_PAYMENT + RecordRefundFailure: unchanged
                PENDING_PAYMENT + RetryFulfilment: records FulfilmentRetryRequested
                PENDING_PAYMENT + ResendDeliveryNotification: 409 order-status-conflict
                PENDING_PAYMENT + RequestPaymentCheck: records PaymentCheckRequested
                PAID + AwaitPayment (another payment): 409 order-status-conflict
                PAID + ConfirmPayment (a new notification): unchanged
                PAID + ConfirmPaymentManually: 409 order-status-conflict
                PAID + ReinstateOrder: unchanged
                PAID + DeliverOrder: → DELIVERED
                PAID + CancelOrder: 409 order-status-conflict
                PAID + CancelUnpaidOrder: unchanged
                PAID + RefundOrder: → REFUNDING
                PAID + ConfirmRefundManually: 409 order-status-conflict
                PAID + RecordPaymentFailure: unchanged
                PAID + RecordCardPurchaseFailure: records CardPurchaseFailed
                PAID + RecordRefundFailure: unchanged
                PAID + RetryFulfilment: records FulfilmentRetryRequested
                PAID + ResendDeliveryNotification: 409 order-status-conflict
                PAID + RequestPaymentCheck: unchanged
                DELIVERED + AwaitPayment (another payment): 409 order-status-conflict
                DELIVERED + ConfirmPayment (a new notification): unchanged
                DELIVERED + ConfirmPaymentManually: 409 order-status-conflict
                DELIVERED + ReinstateOrder: 409 order-status-conflict
                DELIVERED + DeliverOrder: unchanged
                DELIVERED + CancelOrder: 409 order-status-conflict
                DELIVERED + CancelUnpaidOrder: unchanged
                DELIVERED + RefundOrder: → REFUNDING
                DELIVERED + ConfirmRefundManually: 409 order-status-conflict
                DELIVERED + RecordPaymentFailure: unchanged
                DELIVERED + RecordCardPurchaseFailure: unchanged
                DELIVERED + RecordRefundFailure: unchanged
                DELIVERED + RetryFulfilment: 409 order-status-conflict
                DELIVERED + ResendDeliveryNotification: records DeliveryNotificationRequested
                DELIVERED + RequestPaymentCheck: unchanged
                CANCELLED + AwaitPayment (another payment): 409 order-status-conflict
                CANCELLED + ConfirmPayment (a new notification): records PaymentReceivedAfterCancellation
                CANCELLED + ConfirmPaymentManually: records PaymentReceivedAfterCancellation
                CANCELLED + ReinstateOrder: 409 order-status-conflict
                CANCELLED + DeliverOrder: 409 order-status-conflict
                CANCELLED + CancelOrder: unchanged
                CANCELLED + CancelUnpaidOrder: unchanged
                CANCELLED + RefundOrder: 409 order-status-conflict
                CANCELLED + ConfirmRefundManually: 409 order-status-conflict
                CANCELLED + RecordPaymentFailure: unchanged
                CANCELLED + RecordCardPurchaseFailure: unchanged
                CANCELLED + RecordRefundFailure: unchanged
                CANCELLED + RetryFulfilment: 409 order-status-conflict
                CANCELLED + ResendDeliveryNotification: 409 order-status-conflict
                CANCELLED + RequestPaymentCheck: unchanged
                CANCELLED, paid late + AwaitPayment (another payment): 409 order-status-conflict
                CANCELLED, paid late + ConfirmPayment (a new notification): unchanged
                CANCELLED, paid late + ConfirmPaymentManually: 409 order-status-conflict
                CANCELLED, paid late + ReinstateOrder: → PAID
                CANCELLED, paid late + DeliverOrder: 409 order-status-conflict
                CANCELLED, paid late + CancelOrder: unchanged
                CANCELLED, paid late + CancelUnpaidOrder: unchanged
                CANCELLED, paid late + RefundOrder: → REFUNDING
                CANCELLED, paid late + ConfirmRefundManually: 409 order-status-conflict
                CANCELLED, paid late + RecordPaymentFailure: unchanged
                CANCELLED, paid late + RecordCardPurchaseFailure: unchanged
                CANCELLED, paid late + RecordRefundFailure: unchanged
                CANCELLED, paid late + RetryFulfilment: records FulfilmentRetryRequested
                CANCELLED, paid late + ResendDeliveryNotification: 409 order-status-conflict
                CANCELLED, paid late + RequestPaymentCheck: unchanged
                REFUNDING + AwaitPayment (another payment): 409 order-status-conflict
                REFUNDING + ConfirmPayment (a new notification): unchanged
                REFUNDING + ConfirmPaymentManually: 409 order-status-conflict
                REFUNDING + ReinstateOrder: 409 order-status-conflict
                REFUNDING + DeliverOrder: 409 order-status-conflict
                REFUNDING + CancelOrder: 409 order-status-conflict
                REFUNDING + CancelUnpaidOrder: unchanged
                REFUNDING + RefundOrder: unchanged
                REFUNDING + ConfirmRefundManually: → REFUNDED
                REFUNDING + RecordPaymentFailure: unchanged
                REFUNDING + RecordCardPurchaseFailure: unchanged
                REFUNDING + RecordRefundFailure: records RefundFailed
                REFUNDING + RetryFulfilment: records FulfilmentRetryRequested
                REFUNDING + ResendDeliveryNotification: 409 order-status-conflict
                REFUNDING + RequestPaymentCheck: unchanged
                REFUNDED + AwaitPayment (another payment): 409 order-status-conflict
                REFUNDED + ConfirmPayment (a new notification): unchanged
                REFUNDED + ConfirmPaymentManually: 409 order-status-conflict
                REFUNDED + ReinstateOrder: 409 order-status-conflict
                REFUNDED + DeliverOrder: 409 order-status-conflict
                REFUNDED + CancelOrder: 409 order-status-conflict
                REFUNDED + CancelUnpaidOrder: unchanged
                REFUNDED + RefundOrder: unchanged
                REFUNDED + ConfirmRefundManually: unchanged
                REFUNDED + RecordPaymentFailure: unchanged
                REFUNDED + RecordCardPurchaseFailure: unchanged
                REFUNDED + RecordRefundFailure: unchanged
                REFUNDED + RetryFulfilment: 409 order-status-conflict
                REFUNDED + ResendDeliveryNotification: 409 order-status-conflict
                REFUNDED + RequestPaymentCheck: unchanged""");
    }

    @Test
    void everyMoveTheOrderMakesIsInTheTableAndEveryMoveOfTheTableIsMadeBySomeCommand() {
        Map<OrderStatus, Set<OrderStatus>> made = new EnumMap<>(OrderStatus.class);
        STATES.keySet().forEach(state -> COMMANDS.keySet().forEach(command -> {
            Outcome outcome = run(state, command);
            if (outcome.movedTo() != null) {
                OrderStatus from = OrderStatus.valueOf(state.split(",")[0]);
                assertThat(from.canMoveTo(outcome.movedTo())).as("%s + %s", state, command).isTrue();
                made.computeIfAbsent(from, s -> EnumSet.noneOf(OrderStatus.class)).add(outcome.movedTo());
            }
        }));
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(made.getOrDefault(status, Set.of())).as("moves made from %s", status)
                    .containsExactlyInAnyOrderElementsOf(status.allowedNext());
        }
    }

    @Test
    void aRefusedMoveTellsTheStatusAndWhatWasAskedAsA409Problem() {
        Outcome outcome = run("DELIVERED", "CancelOrder");

        assertThat(outcome.problem().status()).isEqualTo(409);
        assertThat(outcome.problem().type()).isEqualTo("/problems/order-status-conflict");
        assertThat(outcome.problem().detail()).isEqualTo("Order o-1 is DELIVERED and cannot be cancelled.");
    }

    /** What a command did to an order in a state. */
    private record Outcome(List<Object> events, Problem problem) {

        OrderStatus movedTo() {
            return events.stream().map(e -> MOVES.get(e.getClass())).filter(s -> s != null).findFirst().orElse(null);
        }

        String describe() {
            if (problem != null) {
                return problem.status() + " " + problem.type().substring("/problems/".length());
            }
            if (movedTo() != null) {
                return "→ " + movedTo();
            }
            return events.isEmpty() ? "unchanged" : "records " + events.stream()
                    .map(e -> e.getClass().getSimpleName()).collect(Collectors.joining(", "));
        }
    }

    private static Outcome run(String state, String command) {
        return OUTCOMES.computeIfAbsent(state + " + " + command, key -> play(state, command));
    }

    private static Outcome play(String state, String command) {
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        AtomicReference<List<?>> events = new AtomicReference<>();
        AggregateTestFixture<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.givenCommands(STATES.get(state));
        // the fixture shows a refusal only to a test that expects one: keep it on its way out
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception e) {
                refusal.set(e);
                throw e;
            }
        });
        fixture.when(COMMANDS.get(command)).expectEventsMatching(capture(events));
        Problem problem = null;
        if (refusal.get() != null) {
            var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/admin/api/orders/" + ORDER));
            problem = ProblemResponses.toProblem(exchange, refusal.get());
        }
        List<Object> payloads = new ArrayList<>();
        events.get().forEach(e -> payloads.add(((EventMessage<?>) e).getPayload()));
        return new Outcome(payloads, problem);
    }

    /** A matcher that keeps what it is shown (the fixture hands results only to matchers). */
    private static <T> Matcher<T> capture(AtomicReference<? super T> into) {
        return new BaseMatcher<>() {
            @Override
            @SuppressWarnings("unchecked")
            public boolean matches(Object actual) {
                into.set((T) actual);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("anything");
            }
        };
    }
}
