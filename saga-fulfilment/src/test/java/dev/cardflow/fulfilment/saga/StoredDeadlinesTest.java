package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.fulfilment.payment.PaymentGateway;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.process.Fulfilment.Stage;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentTimings;
import dev.cardflow.fulfilment.process.OrderSoFar;
import dev.cardflow.infrastructure.axon.AxonSerializationConfiguration;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Sagas stored before they kept their deadlines as data have one stored deadline per wait
 * ({@code scheduled}: name → schedule id). After an upgrade those still fire and are still cancelled;
 * what the saga schedules from then on goes through its alarm.
 */
class StoredDeadlinesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:05:00Z");
    private static final Money AMOUNT = Money.of("19.80", "EUR");
    private static final String WAKE_UP = PendingDeadlines.WAKE_UP;
    /** A POOL order awaiting its Stripe payment, with its expiry and its next payment check stored one row each. */
    private static final String OLD_SAGA = """
            {"state":{"orderId":"o-1","productId":"p-1","quantity":2,
                      "amount":{"amount":"19.80","currency":"EUR"},"source":"POOL","sku":null,
                      "stage":"AWAITING_PAYMENT","payBy":"2026-03-01T10:15:00Z","paymentId":"pay-1",
                      "stockRequested":true,"attempts":3,"expiring":false,"paymentMethod":"stripe",
                      "productName":"Steam 10 EUR"},
             "scheduled":{"payment-expiry":"schedule-1","payment-check":"schedule-2"}}""";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonSerializationConfiguration.storageObjectMapper()).lenientDeserialization().build();
    private final PaymentGateway stripe = mock(PaymentGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    @SuppressWarnings("unchecked")
    private final BiConsumer<String, String> cancel = mock(BiConsumer.class);
    private final DeadlineManager deadlines = mock(DeadlineManager.class);
    private OrderFulfilmentSaga saga;

    @BeforeEach
    void loadTheOldSaga() {
        when(stripe.paymentState("o-1", "pay-1"))
                .thenReturn(CompletableFuture.completedFuture(new PaymentGateway.PaymentState("pay-1", false, AMOUNT, null)));
        when(deadlines.schedule(any(Instant.class), anyString(), any())).thenReturn("alarm-1");
        saga = serializer.deserialize(new SimpleSerializedObject<>(OLD_SAGA.getBytes(StandardCharsets.UTF_8),
                byte[].class, OrderFulfilmentSaga.class.getName(), null));
        ReflectionTestUtils.setField(saga, "actions", new FulfilmentActions(new FulfilmentProcess(FulfilmentTimings.defaults()),
                id -> OrderSoFar.UNKNOWN, commands, new PaymentGateways(Map.of("stripe", stripe)), null,
                Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC), cancel, (name, id, at) -> false));
        ReflectionTestUtils.setField(saga, "deadlineManager", deadlines);
    }

    @Test
    void deadlineStoredOnItsOwnStillReachesTheFulfilmentByItsName() {
        saga.on(GenericDeadlineMessage.asDeadlineMessage("payment-check", null, NOW));

        verify(stripe).paymentState("o-1", "pay-1");
        assertThat(saga.fulfilment().stage()).isEqualTo(
                new Stage.AwaitingPayment(Instant.parse("2026-03-01T10:15:00Z"), "pay-1", 4, false));
        // the next check is kept as data, and the alarm set for it; the stored expiry stays as it is
        verify(deadlines).schedule(NOW.plus(Duration.ofMinutes(2)), WAKE_UP, 1L); // the fifth check: the longest wait
        verifyNoInteractions(cancel);
    }

    @Test
    void deadlinesStoredOnTheirOwnAreCancelledWhenTheWaitIsOver() {
        saga.on(new PaymentConfirmed("o-1", "pay-1", "evt-1", AMOUNT), NOW);

        verify(commands).sendAndWait(argThat(command -> command instanceof CommandMessage<?> message
                && message.getPayload().equals(new IssueReservedStock("p-1", "o-1"))));
        verify(cancel).accept("payment-expiry", "schedule-1");
        verify(cancel).accept("payment-check", "schedule-2");
        verify(deadlines, never()).schedule(any(Instant.class), anyString(), any());
    }

    @Test
    void waitScheduledAgainReplacesItsStoredDeadlineWithTheAlarm() {
        saga.on(new FulfilmentRetryRequested("o-1", OrderStatus.PENDING_PAYMENT), NOW);

        verify(cancel).accept("payment-check", "schedule-2");
        verify(cancel, never()).accept("payment-expiry", "schedule-1");
        verify(deadlines).schedule(NOW.plus(Duration.ofSeconds(10)), WAKE_UP, 1L);
    }
}
