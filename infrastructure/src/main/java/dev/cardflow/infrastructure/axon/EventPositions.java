package dev.cardflow.infrastructure.axon;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the events of some aggregates stand in the embedded JDBC store's global order (their
 * {@code global_index}): the exact order they happened in, across streams. Behind Axon Server the
 * table is empty and the answer is empty; callers fall back to the events' timestamps.
 */
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each event of these aggregates' streams by its identifier, with its global position. */
    public Map<String, Long> of(Collection<String> aggregateIds) {
        Map<String, Long> positions = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return positions;
        }
        String placeholders = String.join(",", Collections.nCopies(aggregateIds.size(), "?"));
        jdbc.query("select event_identifier, global_index from domain_event_entry where aggregate_identifier in ("
                        + placeholders + ")",
                (java.sql.ResultSet rs) -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                }, aggregateIds.toArray());
        return positions;
    }
}
