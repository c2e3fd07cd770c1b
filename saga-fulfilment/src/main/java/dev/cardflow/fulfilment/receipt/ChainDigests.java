package dev.cardflow.fulfilment.receipt;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chain digests recorded as the orders' events were appended ({@code order_chain_digest}); never rewritten. */
public class ChainDigests {

    private final JdbcTemplate jdbc;

    public ChainDigests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the links of several orders in one batch; a link recorded before stays as it was. */
    public void record(Map<String, List<OrderChain.Entry>> links) {
        jdbc.batchUpdate("""
                        insert into order_chain_digest (order_id, sequence, event_type, digest) values (?, ?, ?, ?)
                        on conflict (order_id, sequence) do nothing""",
                links.entrySet().stream().flatMap(order -> order.getValue().stream()
                        .map(e -> new Object[]{order.getKey(), e.sequence(), e.type(), e.digest()})).toList());
    }

    /** The digest recorded for one event of the order. */
    public Optional<String> recorded(String orderId, long sequence) {
        return jdbc.queryForList("select digest from order_chain_digest where order_id = ? and sequence = ?",
                String.class, orderId, sequence).stream().findFirst();
    }

    /** Every digest recorded for the order, by sequence. */
    public Map<Long, String> recorded(String orderId) {
        Map<Long, String> digests = new HashMap<>();
        jdbc.query("select sequence, digest from order_chain_digest where order_id = ?",
                (java.sql.ResultSet rs) -> {
                    digests.put(rs.getLong(1), rs.getString(2));
                }, orderId);
        return digests;
    }
}
