package dev.cardflow.infrastructure.axon;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.RefundRequested;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before the events were thinned (revision 1, no revision stored) replay as the thin records. */
class ThinOrderEventsUpcasterTest {

    /** Strict about unknown fields (the stored mapper ignores them), so a field left behind fails the test. */
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonSerializationConfiguration.storageObjectMapper().copy()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    @Test
    void aStoredRetryWithItsOrderSnapshotReadsAsTheStatusAlone() {
        Object event = read(FulfilmentRetryRequested.class, """
                {"orderId":"o-1","status":"PAID","productId":"p-1","quantity":2,
                 "amount":{"amount":"19.80","currency":"EUR"},"source":"UPSTREAM","sku":"XBOX-25",
                 "paymentId":"pay-1","payBy":"2026-03-01T10:15:00Z","paymentMethod":"stripe","productName":"Xbox"}""");

        assertThat(event).isEqualTo(new FulfilmentRetryRequested("o-1", OrderStatus.PAID));
    }

    @Test
    void aStoredLatePaymentKeepsThePaymentAndDropsWhatTheOrderAskedFor() {
        Object event = read(PaymentReceivedAfterCancellation.class, """
                {"orderId":"o-1","paymentId":"pay-2","pspEventId":"evt-2","amount":{"amount":"19.80","currency":"EUR"},
                 "productId":"p-1","quantity":2,"source":"POOL","sku":null,
                 "orderAmount":{"amount":"19.80","currency":"EUR"},"paymentMethod":"simulator"}""");

        assertThat(event).isEqualTo(
                new PaymentReceivedAfterCancellation("o-1", "pay-2", "evt-2", Money.of("19.80", "EUR")));
    }

    @Test
    void aStoredRefundKeepsWhatIsReturnedAndWhetherTheKeysHadGoneOut() {
        Object event = read(RefundRequested.class, """
                {"orderId":"o-1","paymentId":"pay-1","refundId":"rf-o-1","amount":{"amount":"19.80","currency":"EUR"},
                 "reason":"out of stock","productId":"p-1","source":"POOL","delivered":true,"paymentMethod":"epay"}""");

        assertThat(event).isEqualTo(new RefundRequested("o-1", "pay-1", "rf-o-1", Money.of("19.80", "EUR"),
                "out of stock", true));
    }

    @Test
    void anEventStoredAtTheCurrentRevisionIsLeftAsItIs() {
        FulfilmentRetryRequested current = new FulfilmentRetryRequested("o-1", OrderStatus.CANCELLED);
        String json = new String(serializer.serialize(current, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(read(FulfilmentRetryRequested.class.getName(), ThinOrderEventsUpcaster.REVISION, json))
                .isEqualTo(current);
    }

    private Object read(Class<?> type, String json) {
        return read(type.getName(), null, json);
    }

    private Object read(String type, String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Order", "o-1", 3, "evt-id",
                "2026-03-01T10:00:00Z", type, revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new ThinOrderEventsUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(ThinOrderEventsUpcaster.REVISION);
        return serializer.deserialize(upcast.get(0).getData());
    }
}
