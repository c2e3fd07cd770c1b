package dev.cardflow.fulfilment.audit;

import dev.cardflow.fulfilment.receipt.Receipts;
import dev.cardflow.infrastructure.tracing.TraceParent;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The auditors' view: an order's full event history with who or what caused each event, and the
 * replay of that history through the fulfilment's decision logic ({@code sagaReplay}); and the
 * same verdict in bulk over the orders placed in a time range.
 */
@RestController
public class AuditController {

    static final int MAX_BULK = 5000;

    /**
     * One stored event; {@code w3cTraceId} is the trace id of the {@code traceparent} it was stored with (the
     * W3C trace of the request that caused it), {@code null} for an event stored outside any trace.
     */
    public record AuditedEvent(String type, String aggregateType, String aggregateId, long sequence, Instant at,
                               Object payload, Map<String, Object> metadata, String w3cTraceId) {
    }

    /** An order's audit. */
    public record OrderAudit(String orderId, List<AuditedEvent> events, SagaReplay.Verdict sagaReplay,
                             Receipts.Integrity integrity) {
    }

    /** One order that did not replay consistently. */
    public record Inconsistent(String orderId, List<SagaReplay.Discrepancy> discrepancies) {
    }

    /** The verdict over many orders. */
    public record BulkAudit(Instant from, Instant to, int orders, int consistent, List<Inconsistent> inconsistent,
                            int integrityBroken) {
    }

    private final OrderHistory history;
    private final SagaReplay replay;
    private final Receipts receipts;

    public AuditController(OrderHistory history, SagaReplay replay, Receipts receipts) {
        this.history = history;
        this.replay = replay;
        this.receipts = receipts;
    }

    @GetMapping(path = "/admin/api/orders/{orderId}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<OrderAudit> audit(@PathVariable String orderId) {
        return Blocking.call(() -> {
            List<DomainEventMessage<?>> events = history.of(List.of(orderId)).get(orderId);
            if (events == null) {
                throw ProblemException.notFound("order-not-found", "There is no order " + orderId + ".");
            }
            return new OrderAudit(orderId, events.stream().map(AuditController::audited).toList(),
                    replay.replay(events), integrity(orderId, events));
        });
    }

    @GetMapping(path = "/admin/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<BulkAudit> bulk(@RequestParam String from, @RequestParam String to,
                                @RequestParam(defaultValue = "1000") int limit) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start) || limit < 1 || limit > MAX_BULK) {
            throw ProblemException.badRequest("invalid-range",
                    "from must be before to, and limit between 1 and " + MAX_BULK + ".");
        }
        return Blocking.call(() -> {
            Map<String, List<DomainEventMessage<?>>> histories = history.of(history.placedBetween(start, end, limit));
            List<Inconsistent> inconsistent = histories.entrySet().stream()
                    .map(e -> new Inconsistent(e.getKey(), replay.replay(e.getValue()).discrepancies()))
                    .filter(i -> !i.discrepancies().isEmpty())
                    .toList();
            int broken = (int) histories.entrySet().stream()
                    .filter(e -> !integrity(e.getKey(), e.getValue()).verified())
                    .count();
            return new BulkAudit(start, end, histories.size(), histories.size() - inconsistent.size(), inconsistent,
                    broken);
        });
    }

    /** The order's own events (not the inventory's that name it) chained and checked against what was recorded. */
    private Receipts.Integrity integrity(String orderId, List<DomainEventMessage<?>> history) {
        return receipts.integrity(orderId, history.stream()
                .filter(e -> e.getAggregateIdentifier().equals(orderId))
                .sorted(java.util.Comparator.comparingLong(DomainEventMessage::getSequenceNumber))
                .toList());
    }

    private static AuditedEvent audited(DomainEventMessage<?> e) {
        return new AuditedEvent(e.getPayloadType().getSimpleName(), e.getType(), e.getAggregateIdentifier(),
                e.getSequenceNumber(), e.getTimestamp(), e.getPayload(), Map.copyOf(e.getMetaData()),
                TraceParent.traceIdOf(e.getMetaData().get(TraceParent.KEY)));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-range", name + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z.");
        }
    }
}
