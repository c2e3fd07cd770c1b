package dev.cardflow.simulator.psp;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The simulated PSP's payments and refunds, in its own tables. */
public class Payments {

    /** A payment at the PSP. */
    public record Payment(String paymentId, String merchantOrderId, String amount, String currency, String notifyUrl,
                          String status, boolean dropCallbacks) {
    }

    /** The outcome of a refund request. */
    public record Refund(String refundId, String paymentId, String amount) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public Payments(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Creates a payment, or finds the one already made for this merchant order. */
    public Payment create(String merchantOrderId, String amount, String currency, String notifyUrl,
                          boolean dropCallbacks) {
        Optional<Payment> existing = byMerchantOrder(merchantOrderId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = "pay_" + UUID.randomUUID().toString().replace("-", "");
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("""
                    insert into simulator.psp_payment (payment_id, merchant_order_id, amount, currency, notify_url, status,
                        drop_callbacks, created_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""",
                    id, merchantOrderId, amount, currency, notifyUrl, dropCallbacks, now, now);
        } catch (DuplicateKeyException raced) {
            // another call created it first
        }
        return byMerchantOrder(merchantOrderId).orElseThrow();
    }

    public Optional<Payment> find(String paymentId) {
        return jdbc.query("select * from simulator.psp_payment where payment_id = ?", this::payment, paymentId)
                .stream().findFirst();
    }

    private Optional<Payment> byMerchantOrder(String merchantOrderId) {
        return jdbc.query("select * from simulator.psp_payment where merchant_order_id = ?", this::payment, merchantOrderId)
                .stream().findFirst();
    }

    /** Moves a PENDING (or FAILED) payment to {@code status}; false when it had moved on already. */
    public boolean settle(String paymentId, String status, Runnable alsoInTransaction) {
        return Boolean.TRUE.equals(tx.execute(t -> {
            int changed = jdbc.update("""
                    update simulator.psp_payment set status = ?, updated_at = ?
                    where payment_id = ? and status in ('PENDING', 'FAILED')""",
                    status, Timestamp.from(Instant.now()), paymentId);
            if (changed == 1) {
                alsoInTransaction.run();
            }
            return changed == 1;
        }));
    }

    /** Records a refund once per refund id; the payment becomes REFUNDED. */
    public Refund refund(String paymentId, String refundId, String amount) {
        return tx.execute(t -> {
            Optional<Refund> earlier = jdbc.query("select * from simulator.psp_refund where refund_id = ?",
                    (rs, n) -> new Refund(rs.getString("refund_id"), rs.getString("payment_id"),
                            rs.getString("amount")), refundId).stream().findFirst();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            jdbc.update("insert into simulator.psp_refund (refund_id, payment_id, amount, created_at) values (?, ?, ?, ?)",
                    refundId, paymentId, amount, Timestamp.from(Instant.now()));
            jdbc.update("update simulator.psp_payment set status = 'REFUNDED', updated_at = ? where payment_id = ?",
                    Timestamp.from(Instant.now()), paymentId);
            return new Refund(refundId, paymentId, amount);
        });
    }

    public List<String> refundIds(String paymentId) {
        return jdbc.queryForList("select refund_id from simulator.psp_refund where payment_id = ? order by created_at",
                String.class, paymentId);
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getString("payment_id"), rs.getString("merchant_order_id"), rs.getString("amount"),
                rs.getString("currency"), rs.getString("notify_url"), rs.getString("status"),
                rs.getBoolean("drop_callbacks"));
    }
}
