package dev.cardflow.order.query.sales;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Sales figures and the order export, read from the {@code order_status} projection. */
@Repository
public class SalesStore {

    private final JdbcTemplate jdbc;

    public SalesStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many orders were placed, delivered, refunded and cancelled in {@code [from, to)}. */
    record Counts(long placed, long delivered, long refunded, long cancelled) {
    }

    Counts counts(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        return jdbc.queryForObject("""
                select
                  (select count(*) from order_status where placed_at >= ? and placed_at < ?),
                  (select count(*) from order_status where delivered_at >= ? and delivered_at < ?),
                  (select count(*) from order_status where refunded_at >= ? and refunded_at < ?),
                  (select count(*) from order_status where status = 'CANCELLED'
                      and status_since >= ? and status_since < ?)""",
                (rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                f, t, f, t, f, t, f, t);
    }

    /**
     * Deliveries and refunds of delivered orders in {@code [from, to)}, summed per product, currency
     * and UTC day: {@code delivered} counts the deliveries, {@code revenue} is what they brought in
     * minus what was refunded of delivered orders that day.
     */
    record Movement(String productId, String productName, String currency, LocalDate day, long delivered,
                    BigDecimal revenue) {
    }

    List<Movement> movements(Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        return jdbc.query("""
                with moves as (
                    select product_id, product_name, currency, delivered_at as at, 1 as delivered,
                           amount::numeric as amount
                    from order_status where delivered_at >= ? and delivered_at < ?
                  union all
                    select product_id, product_name, currency, refunded_at, 0, -(amount::numeric)
                    from order_status where refunded_at >= ? and refunded_at < ? and delivered_at is not null)
                select product_id, max(product_name) as product_name, currency,
                       (at at time zone 'UTC')::date as day, sum(delivered) as delivered, sum(amount) as revenue
                from moves group by product_id, currency, day order by day, product_id, currency""",
                this::movement, f, t, f, t);
    }

    private Movement movement(ResultSet rs, int row) throws SQLException {
        return new Movement(rs.getString("product_id"), rs.getString("product_name"), rs.getString("currency").strip(),
                rs.getObject("day", LocalDate.class), rs.getLong("delivered"), rs.getBigDecimal("revenue"));
    }

    /** One line of the order export. */
    record ExportedOrder(String orderId, Instant placedAt, String status, String productName, int quantity,
                         String amount, String currency, String email, String paymentMethod, String paymentId) {
    }

    /**
     * Up to {@code limit} orders placed in {@code [from, to)}, oldest first, after the order
     * {@code (afterPlacedAt, afterOrderId)} when given: one page of the export, found by the index
     * on {@code placed_at}, so a long export never holds a transaction or its whole range in memory.
     */
    List<ExportedOrder> exportPage(Instant from, Instant to, Instant afterPlacedAt, String afterOrderId, int limit) {
        Timestamp f = Timestamp.from(afterPlacedAt == null ? from : afterPlacedAt);
        String after = afterOrderId == null ? "" : afterOrderId;
        return jdbc.query("""
                select order_id, placed_at, status, product_name, quantity, amount, currency, email, payment_method,
                       payment_id
                from order_status
                where placed_at >= ? and placed_at < ? and (placed_at > ? or order_id > ?)
                order by placed_at, order_id limit ?""",
                (rs, row) -> new ExportedOrder(rs.getString("order_id"), rs.getTimestamp("placed_at").toInstant(),
                        rs.getString("status"), rs.getString("product_name"), rs.getInt("quantity"),
                        rs.getString("amount"), rs.getString("currency").strip(), rs.getString("email"),
                        rs.getString("payment_method"), rs.getString("payment_id")),
                f, Timestamp.from(to), f, after, limit);
    }
}
