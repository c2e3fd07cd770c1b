package dev.cardflow.fulfilment.audit;

import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.api.order.OrderPlaced;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    public OrderHistory(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
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
        histories.values().forEach(history -> history.sort(
                Comparator.comparing(e -> positions.getOrDefault(e.getIdentifier(), Long.MAX_VALUE))));
        return histories;
    }

    /** Where each event of these streams stands in the store (its global index): the order they happened in. */
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

    /** The ids of the orders placed in {@code [from, to)}, oldest first, at most {@code limit}. */
    public List<String> placedBetween(Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                select aggregate_identifier from domain_event_entry
                where payload_type = ? and time_stamp >= ? and time_stamp < ?
                order by global_index limit ?""", String.class,
                OrderPlaced.class.getName(), stamp(from), stamp(to), limit);
    }

    /** Axon writes timestamps as ISO-8601 with milliseconds; bounds in the same form compare as text. */
    private static String stamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString().replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }
}
