package dev.cardflow.order.command.payment;

import dev.cardflow.infrastructure.alert.AlertKind;
import dev.cardflow.infrastructure.alert.Alerts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Authentic provider notifications that match no order's own payment: recorded once each, for an operator to look
 * into, and raised as an {@code unmatched-payment} alert about the payment the first time it is recorded.
 */
@Repository
public class UnmatchedNotifications {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Alerts> alerts;

    public UnmatchedNotifications(JdbcTemplate jdbc, ObjectProvider<Alerts> alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    void record(PaymentReport r, String reason, Instant at) {
        int recorded = jdbc.update("""
                insert into command_unmatched_payment_notification
                    (event_id, payment_id, merchant_order_id, status, amount, currency, received_at, payment_method, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                r.eventId(), r.paymentId(), r.orderId(), r.outcome().name(),
                r.amount() == null ? null : r.amount().plain(), r.amount() == null ? null : r.amount().currency(),
                Timestamp.from(at), r.method(), reason);
        if (recorded == 1) {
            String payment = r.paymentId() == null || r.paymentId().isBlank() ? r.eventId() : r.paymentId();
            alerts.ifAvailable(a -> a.raise(AlertKind.UNMATCHED_PAYMENT, r.method() + ":" + payment,
                    "A " + r.method() + " notification (" + r.outcome().name().toLowerCase() + ") about payment "
                            + payment + (r.amount() == null ? "" : " of " + r.amount().plain() + " "
                            + r.amount().currency()) + " for merchant order " + r.orderId()
                            + " matches no order's own payment: " + reason,
                    "/admin/#dead-letters"));
        }
    }

    public List<Map<String, Object>> latest(int limit) {
        return jdbc.queryForList("""
                select event_id as "eventId", payment_id as "paymentId", merchant_order_id as "merchantOrderId",
                       status, amount, currency, received_at as "receivedAt",
                       payment_method as "paymentMethod", reason
                from command_unmatched_payment_notification order by received_at desc limit ?""", limit);
    }
}
