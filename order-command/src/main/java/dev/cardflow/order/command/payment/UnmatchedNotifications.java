package dev.cardflow.order.command.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Authentic PSP notifications about orders we do not know: recorded once each, for an operator to look into. */
@Repository
public class UnmatchedNotifications {

    private final JdbcTemplate jdbc;

    public UnmatchedNotifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(PaymentNotification n, Instant at) {
        jdbc.update("""
                insert into command_unmatched_payment_notification
                    (event_id, payment_id, merchant_order_id, status, amount, currency, received_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                n.eventId(), n.paymentId(), n.merchantOrderId(), n.status(),
                n.amount() == null ? null : n.amount().toPlainString(), n.currency(), Timestamp.from(at));
    }

    public List<Map<String, Object>> latest(int limit) {
        return jdbc.queryForList("""
                select event_id as "eventId", payment_id as "paymentId", merchant_order_id as "merchantOrderId",
                       status, amount, currency, received_at as "receivedAt"
                from command_unmatched_payment_notification order by received_at desc limit ?""", limit);
    }
}
