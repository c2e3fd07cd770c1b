package dev.cardflow.fulfilment.audit;

import dev.cardflow.api.order.FindOrdersPlaced;
import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.api.order.OrderPlaced;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;

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
    private final JdbcTemplate jdbc;
    private final QueryGateway queries;

    public OrderHistory(EventStore events, JdbcTemplate jdbc, QueryGateway queries) {
        this.events = events;
        this.jdbc = jdbc;
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
        Map<String, Long> positions = positions(histories.keySet(), ordersByProduct.keySet());
        Comparator<DomainEventMessage<?>> happened = Comparator.comparing(DomainEventMessage::getTimestamp);
        histories.values().forEach(history -> history.sort(history.stream()
                .allMatch(e -> positions.containsKey(e.getIdentifier()))
                ? Comparator.comparing(e -> positions.get(e.getIdentifier()))
                : happened));
        return histories;
    }

    /**
     * Where each event of these streams stands in the JDBC store (its global index): the exact
     * order they happened in. Behind Axon Server the table is empty, and events are ordered by time
     * (to the millisecond Axon stores).
     */
    private Map<String, Long> positions(java.util.Set<String> orders, java.util.Set<String> products) {
        List<String> streams = new ArrayList<>(orders);
        streams.addAll(products);
        Map<String, Long> positions = new HashMap<>();
        if (streams.isEmpty()) {
            return positions;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(streams.size(), "?"));
        jdbc.query("select event_identifier, global_index from domain_event_entry where aggregate_identifier in ("
                        + placeholders + ")",
                (java.sql.ResultSet rs) -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                }, streams.toArray());
        return positions;
    }

    /** The ids of the orders placed in {@code [from, to)}, oldest first, at most {@code limit} — asked of the query side. */
    public List<String> placedBetween(Instant from, Instant to, int limit) {
        return queries.query(new FindOrdersPlaced(from, to, limit), ResponseTypes.multipleInstancesOf(String.class))
                .join();
    }
}
