package dev.cardflow.infrastructure.axon;

import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.RefundRequested;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.Map;

/**
 * Revision 1 of three order events carried a snapshot of the order (product, quantity, sku, provider,
 * …) for a fulfilment that had to restart from them; revision 2 carries only the facts of the event,
 * and the fulfilment reads the order's facts from its own events. This upcaster drops the snapshot
 * from the stored revision-1 events, so that old databases replay into the thin records.
 */
public class ThinOrderEventsUpcaster extends SingleEventUpcaster {

    static final String REVISION = "2";

    /** The fields each event keeps, by its stored type name. */
    private static final Map<String, List<String>> KEPT = Map.of(
            FulfilmentRetryRequested.class.getName(), List.of("orderId", "status"),
            PaymentReceivedAfterCancellation.class.getName(), List.of("orderId", "paymentId", "pspEventId", "amount"),
            RefundRequested.class.getName(),
            List.of("orderId", "paymentId", "refundId", "amount", "reason", "delivered"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return KEPT.containsKey(representation.getType().getName())
                && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        List<String> kept = KEPT.get(type);
        return representation.upcastPayload(new SimpleSerializedType(type, REVISION), JsonNode.class, payload -> {
            if (payload instanceof ObjectNode fields) {
                fields.retain(kept);
            }
            return payload;
        });
    }
}
