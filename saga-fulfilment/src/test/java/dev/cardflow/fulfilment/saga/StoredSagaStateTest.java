package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.fulfilment.process.DeadlineSignal;
import dev.cardflow.fulfilment.process.Fulfilment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage;
import dev.cardflow.fulfilment.process.OrderFacts;
import dev.cardflow.infrastructure.axon.AxonSerializationConfiguration;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sagas live in the database between events: the state of running ones must load, in the old shape too. */
class StoredSagaStateTest {

    private static final Instant PAY_BY = Instant.parse("2026-03-01T10:15:00Z");
    private static final Money AMOUNT = Money.of("19.80", "EUR");
    private static final OrderFacts ORDER = new OrderFacts("o-1", "p-1", "Steam 10 EUR", 2, AMOUNT,
            ProductSource.POOL, null, "buyer@example.com", "stripe");

    /** The serializer Axon stores sagas with. */
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonSerializationConfiguration.storageObjectMapper()).lenientDeserialization().build();

    @Test
    void aSagaStoredInTheOldFlatShapeContinuesWhereItStood() {
        OrderFulfilmentSaga saga = load("""
                {"state":{"orderId":"o-1","productId":"p-1","quantity":2,
                          "amount":{"amount":"19.80","currency":"EUR"},"source":"POOL","sku":null,
                          "stage":"AWAITING_PAYMENT","payBy":"2026-03-01T10:15:00Z","paymentId":"pay-1",
                          "stockRequested":true,"attempts":3,"expiring":false,"paymentMethod":"stripe",
                          "productName":"Steam 10 EUR"},
                 "scheduled":{"payment-expiry":"schedule-1","payment-check":"schedule-2"}}""");

        assertThat(saga.fulfilment()).isEqualTo(new Fulfilment(
                new OrderFacts("o-1", "p-1", "Steam 10 EUR", 2, AMOUNT, ProductSource.POOL, null, null, "stripe"),
                new Stage.AwaitingPayment(PAY_BY, "pay-1", 3, false)));
    }

    @Test
    void anOldSagaOfAnOrderBeforePaymentProvidersIsPaidThroughTheSimulator() {
        OrderFulfilmentSaga saga = load("""
                {"state":{"orderId":"o-1","productId":"p-1","quantity":1,
                          "amount":{"amount":"9.90","currency":"EUR"},"source":"UPSTREAM","sku":"XBOX-25",
                          "stage":"REFUNDING","payBy":null,"paymentId":"pay-1","stockRequested":false,
                          "attempts":2,"expiring":false}}""");

        assertThat(saga.fulfilment().order().paymentMethod()).isEqualTo("simulator");
        assertThat(saga.fulfilment().stage())
                .isEqualTo(new Stage.Refunding("pay-1", Money.of("9.90", "EUR"), 2, false));
    }

    @Test
    void everyStageComesBackAsItWasStored() {
        List<Stage> stages = List.of(new Stage.ReservingStock(PAY_BY), new Stage.CreatingPayment(PAY_BY, 1),
                new Stage.AwaitingPayment(PAY_BY, "pay-1", 2, true), new Stage.IssuingKeys(3),
                new Stage.ReservingForLatePayment(), new Stage.Reinstating(),
                new Stage.Refunding("pay-1", AMOUNT, 4, true), new Stage.RefundingByHand("pay-1", AMOUNT),
                new Stage.Settled());

        for (Stage stage : stages) {
            Fulfilment stored = new Fulfilment(ORDER, stage);
            SerializedObject<byte[]> bytes = serializer.serialize(stored, byte[].class);
            Fulfilment loaded = serializer.deserialize(bytes);
            assertThat(loaded).isEqualTo(stored);
        }
    }

    @Test
    void pendingDeadlinesAndTheAlarmComeBackAsTheyWereStored() {
        OrderFulfilmentSaga saga = new OrderFulfilmentSaga();
        PendingDeadlines pending = (PendingDeadlines) ReflectionTestUtils.getField(saga, "deadlines");
        pending.schedule(DeadlineSignal.PAYMENT_EXPIRY, PAY_BY);
        pending.schedule(DeadlineSignal.PAYMENT_CHECK, PAY_BY.minusSeconds(600));
        pending.alarmSet(new PendingDeadlines.Alarm("s-1", PAY_BY.minusSeconds(600), pending.nextAlarmNumber()));

        OrderFulfilmentSaga loaded = serializer.deserialize(serializer.serialize(saga, byte[].class));

        PendingDeadlines back = (PendingDeadlines) ReflectionTestUtils.getField(loaded, "deadlines");
        assertThat(back.due()).isEqualTo(Map.of("payment-expiry", PAY_BY, "payment-check", PAY_BY.minusSeconds(600)));
        assertThat(back.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-1", PAY_BY.minusSeconds(600), 1));
        assertThat(back.nextAlarmNumber()).isEqualTo(2);
    }

    private OrderFulfilmentSaga load(String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, OrderFulfilmentSaga.class.getName(), null));
    }
}
