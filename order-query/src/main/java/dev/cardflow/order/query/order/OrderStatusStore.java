package dev.cardflow.order.query.order;

import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView.TimelineEntry;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.infrastructure.jdbc.ChangeNotifications;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.cardflow.infrastructure.axon.JsonColumns.read;
import static dev.cardflow.infrastructure.axon.JsonColumns.write;

/**
 * The {@code order_status} table: written by the projection, read by the queries. Every write announces the order it
 * changed when its transaction commits ({@link OrderViews} forgets it then, on every instance).
 */
@Repository
public class OrderStatusStore {

    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() {
    };
    private static final TypeReference<List<SealedCardKey>> KEYS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public OrderStatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrderPlaced e, Instant at, TimelineEntry first) {
        jdbc.update("""
                insert into order_status (order_id, status, product_id, product_name, quantity, amount, currency,
                    email, timeline, placed_at, status_since, updated_at, version, payment_method,
                    query_password_hash, source, buyer_fields, coupon_code, discount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 1, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (order_id) do nothing""",
                e.orderId(), OrderStatus.PLACED.name(), e.productId(), e.productName(), e.quantity(),
                e.amount().plain(), e.amount().currency(), e.email(), write(List.of(first)), ts(at), ts(at), ts(at),
                e.method(), e.queryPasswordHash(), e.source() == null ? null : e.source().name(),
                e.fields() == null ? null : write(e.fields()), e.couponCode(),
                e.discount() == null ? null : e.discount().plain());
        changed(e.orderId());
    }


    /** What an event sets in an order's row besides its status and timeline; what is not set stays as it is. */
    static final class Changes {

        private final Map<Column, Object> values = new EnumMap<>(Column.class);

        static Changes none() {
            return new Changes();
        }

        Changes paymentId(String paymentId) {
            return set(Column.PAYMENT_ID, paymentId);
        }

        Changes payUrl(String payUrl) {
            return set(Column.PAY_URL, payUrl);
        }

        Changes payBy(Instant payBy) {
            return set(Column.PAY_BY, payBy == null ? null : ts(payBy));
        }

        /** Why the order stopped or turned back; {@code null} clears it. */
        Changes reason(String reason) {
            return set(Column.REASON, reason);
        }

        Changes cardKeys(List<SealedCardKey> cardKeys) {
            return set(Column.CARD_KEYS, List.copyOf(cardKeys));
        }

        /** When the keys went out (counted as a sale at this moment). */
        Changes deliveredAt(Instant at) {
            return set(Column.DELIVERED_AT, ts(at));
        }

        /** When the money went back. */
        Changes refundedAt(Instant at) {
            return set(Column.REFUNDED_AT, ts(at));
        }

        private Changes set(Column column, Object value) {
            values.put(column, value);
            return this;
        }
    }

    /** The columns an event may set; status, timeline and the bookkeeping columns are the store's own. */
    private enum Column {
        PAYMENT_ID("payment_id"), PAY_URL("pay_url"), PAY_BY("pay_by"), REASON("reason"), CARD_KEYS("card_keys"),
        DELIVERED_AT("delivered_at"), REFUNDED_AT("refunded_at");

        private final String name;

        Column(String name) {
            this.name = name;
        }
    }

    /**
     * Appends {@code entry} to the order's timeline, moves the order to the entry's status (an entry
     * without status keeps the current one), and applies {@code changes}.
     */
    void advance(String orderId, Instant at, TimelineEntry entry, Changes changes) {
        advance(orderId, at, entry, changes, "");
    }

    /** {@link #advance} if the order is for a MANUAL product (delivered by an operator by hand); else nothing. */
    void advanceIfManual(String orderId, Instant at, TimelineEntry entry) {
        advance(orderId, at, entry, Changes.none(), " and source = 'MANUAL'");
    }

    private void advance(String orderId, Instant at, TimelineEntry entry, Changes changes, String condition) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("update order_status set ");
        if (entry.status() != null) {
            sql.append("status_since = case when status <> ? then ? else status_since end, status = ?, ")
                    .append("timeline = timeline || ?::jsonb, ");
            args.addAll(List.of(entry.status().name(), ts(at), entry.status().name(), write(List.of(entry))));
        } else {
            sql.append("timeline = timeline || jsonb_set(?::jsonb, '{0,status}', to_jsonb(status)), ");
            args.add(write(List.of(entry)));
        }
        sql.append("updated_at = ?, version = version + 1");
        args.add(ts(at));
        changes.values.forEach((column, value) -> {
            boolean json = column == Column.CARD_KEYS;
            sql.append(", ").append(column.name).append(json ? " = ?::jsonb" : " = ?");
            args.add(json ? write(value) : value);
        });
        sql.append(" where order_id = ?").append(condition);
        args.add(orderId);
        jdbc.update(sql.toString(), args.toArray());
        changed(orderId);
    }

    void deleteAll() {
        jdbc.update("delete from order_status");
        changed(ChangeNotifications.EVERYTHING);
    }

    private void changed(String orderId) {
        ChangeNotifications.changed(jdbc, OrderViews.CHANNEL, orderId);
    }

    public Optional<OrderStatusView> find(String orderId) {
        return jdbc.query("select * from order_status where order_id = ?", this::view, orderId).stream().findFirst();
    }

    /** One page of orders, newest first; {@code status} and {@code inStatusBefore} narrow it when given. */
    public List<OrderStatusView> list(OrderStatus status, Instant inStatusBefore, String search, int page, int size) {
        StringBuilder sql = new StringBuilder("select * from order_status where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (inStatusBefore != null) {
            sql.append(" and status_since < ?");
            args.add(ts(inStatusBefore));
        }
        if (search != null && !search.isBlank()) {
            sql.append(" and (order_id = ? or lower(email) = lower(?))");
            args.add(search.strip());
            args.add(search.strip());
        }
        sql.append(" order by placed_at desc, order_id limit ? offset ?");
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql.toString(), this::view, args.toArray());
    }

    /** An order a buyer may find again with its query password. */
    record Findable(String orderId, OrderStatus status, String productName, Instant placedAt,
                    String queryPasswordHash) {
    }

    /** The newest {@code limit} orders of {@code email} (any case) placed with a query password. */
    List<Findable> withQueryPassword(String email, int limit) {
        return jdbc.query("""
                select order_id, status, product_name, placed_at, query_password_hash from order_status
                where lower(email) = lower(?) and query_password_hash is not null
                order by placed_at desc, order_id limit ?""",
                (rs, row) -> new Findable(rs.getString("order_id"), OrderStatus.valueOf(rs.getString("status")),
                        rs.getString("product_name"), instant(rs, "placed_at"), rs.getString("query_password_hash")),
                email, limit);
    }

    List<String> placedBetween(Instant from, Instant to, int limit) {
        return jdbc.queryForList("select order_id from order_status where placed_at >= ? and placed_at < ? "
                + "order by placed_at, order_id limit ?", String.class, ts(from), ts(to), limit);
    }

    /** Orders in a status since before its cutoff, longest stuck first. */
    List<OrderStatusView> stuck(Map<OrderStatus, Instant> cutoffs, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = stuckCondition(cutoffs, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select * from order_status where " + where + " order by status_since limit ? offset ?",
                this::view, args.toArray());
    }

    /** How many orders are stuck in each status. */
    Map<OrderStatus, Long> countStuck(Map<OrderStatus, Instant> cutoffs) {
        List<Object> args = new ArrayList<>();
        String where = stuckCondition(cutoffs, args);
        Map<OrderStatus, Long> counts = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from order_status where " + where + " group by status",
                (ResultSet rs) -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    private static String stuckCondition(Map<OrderStatus, Instant> cutoffs, List<Object> args) {
        StringBuilder where = new StringBuilder("(false");
        cutoffs.forEach((status, cutoff) -> {
            where.append(" or (status = ? and status_since < ?)");
            args.add(status.name());
            args.add(ts(cutoff));
        });
        return where.append(")").toString();
    }

    private OrderStatusView view(ResultSet rs, int row) throws SQLException {
        return new OrderStatusView(rs.getString("order_id"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("product_id"), rs.getString("product_name"), rs.getInt("quantity"),
                rs.getString("amount"), rs.getString("currency"), rs.getString("email"),
                rs.getString("payment_id"), rs.getString("pay_url"), instant(rs, "pay_by"),
                read(rs.getString("timeline"), TIMELINE), read(rs.getString("card_keys"), KEYS),
                rs.getString("reason"), instant(rs, "placed_at"), instant(rs, "status_since"),
                instant(rs, "updated_at"), rs.getLong("version"), rs.getString("payment_method"),
                rs.getString("source"), read(rs.getString("buyer_fields"), FIELDS), rs.getString("coupon_code"),
                rs.getString("discount"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
