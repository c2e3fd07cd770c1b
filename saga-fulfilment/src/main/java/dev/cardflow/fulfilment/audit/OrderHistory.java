package dev.cardflow.fulfilment.audit;

import dev.cardflow.api.order.FindOrdersPlaced;
import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.infrastructure.axon.EventPositions;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full history of orders as the event store holds it: each order's own events and the events
 * of its product's inventory that name it, in the order they happened. A product's stream is read
 * once for all the orders asked about.
 */
public class OrderHistory {

    private final EventStore events;
    private final EventPositions positions;
    private final QueryGateway queries;

    public OrderHistory(EventStore events, EventPositions positions, QueryGateway queries) {
        this.events = events;
        this.positions = positions;
        this.queries = queries;
    }

    /** Each order's events, oldest first; an order without events is left out. */
    public Map<String, List<DomainEventMessage<?>>> of(List<String> orderIds) {
        Map<String, List<DomainEventMessage<?>>> histories = new LinkedHashMap<>();
        Map<String, List<String>> ordersByProduct = new HashMap<>();
        for (String orderId : orderIds) {
            List<DomainEventMessage<?>> own = new ArrayList<>();
            events.readEvents(orderId, 0).forEachRemaining(own::add);
            if (own.isEmpty() || !(own.get(0).getPayload() instanceof OrderPlaced placed)) {
                continue;
            }
            histories.put(orderId, own);
            ordersByProduct.computeIfAbsent(placed.productId(), p -> new ArrayList<>()).add(orderId);
        }
        ordersByProduct.forEach((productId, orders) -> events.readEvents(productId, 0).forEachRemaining(e -> {
            if (e.getPayload() instanceof OrderMessage m && histories.containsKey(m.orderId())) {
                histories.get(m.orderId()).add(e);
            }
        }));
        List<String> streams = new ArrayList<>(histories.keySet());
        streams.addAll(ordersByProduct.keySet());
        // the exact order across the order's and its product's streams, where the store knows it
        Map<String, Long> positions = this.positions.of(streams);
        Comparator<DomainEventMessage<?>> happened = Comparator.comparing(DomainEventMessage::getTimestamp);
        histories.values().forEach(history -> history.sort(history.stream()
                .allMatch(e -> positions.containsKey(e.getIdentifier()))
                ? Comparator.comparing(e -> positions.get(e.getIdentifier()))
                : happened));
        return histories;
    }

    /** The ids of the orders placed in {@code [from, to)}, oldest first, at most {@code limit} — asked of the query side. */
    public List<String> placedBetween(Instant from, Instant to, int limit) {
        return queries.query(new FindOrdersPlaced(from, to, limit), ResponseTypes.multipleInstancesOf(String.class))
                .join();
    }
}
