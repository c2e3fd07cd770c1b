package dev.cardflow.simulator.epay;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The simulated EPay gateway's orders, in its own table. */
public class EpayOrders {

    /** Gateways of this kind live in China time: their trade numbers and times are written in it. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TRADE_NO_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZONE);

    /** An order at the gateway; {@code status} 1 once paid. */
    public record Order(String tradeNo, String outTradeNo, String pid, String type, String name, String money,
                        String notifyUrl, String returnUrl, int status, boolean dropCallbacks, Instant addedAt,
                        Instant paidAt, String refundMoney) {

        boolean paid() {
            return status == 1;
        }
    }

    /** What a merchant's submit.php asks for. */
    public record Submission(String pid, String type, String outTradeNo, String notifyUrl, String returnUrl,
                             String name, String money) {
    }

    /** The outcome of a refund request. */
    public enum Refund { REFUNDED, ALREADY_REFUNDED, UNKNOWN, UNPAID, TOO_MUCH }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public EpayOrders(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Records an order, or finds the one already recorded under its out_trade_no. */
    public Order submit(Submission s, boolean dropCallbacks) {
        for (int attempt = 0; ; attempt++) {
            Optional<Order> existing = byOutTradeNo(s.outTradeNo());
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = Instant.now();
            String tradeNo = TRADE_NO_TIME.format(now) + (10000 + ThreadLocalRandom.current().nextInt(90000));
            try {
                jdbc.update("""
                        insert into simulator.epay_order (trade_no, out_trade_no, pid, type, name, money, notify_url,
                            return_url, status, drop_callbacks, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                        tradeNo, s.outTradeNo(), s.pid(), s.type(), s.name(), s.money(), s.notifyUrl(), s.returnUrl(),
                        dropCallbacks, Timestamp.from(now));
            } catch (DuplicateKeyException raced) {
                // the same out_trade_no from another call, or (rarely) a trade number taken this second
                if (attempt >= 5) {
                    throw raced;
                }
            }
        }
    }

    public Optional<Order> byTradeNo(String tradeNo) {
        return jdbc.query("select * from simulator.epay_order where trade_no = ?", EpayOrders::order, tradeNo)
                .stream().findFirst();
    }

    public Optional<Order> byOutTradeNo(String outTradeNo) {
        return jdbc.query("select * from simulator.epay_order where out_trade_no = ?", EpayOrders::order, outTradeNo)
                .stream().findFirst();
    }

    /** Marks an unpaid order paid; false when it was paid already. */
    public boolean pay(String tradeNo, Runnable alsoInTransaction) {
        return Boolean.TRUE.equals(tx.execute(t -> {
            int changed = jdbc.update("update simulator.epay_order set status = 1, paid_at = ? where trade_no = ? and status = 0",
                    Timestamp.from(Instant.now()), tradeNo);
            if (changed == 1) {
                alsoInTransaction.run();
            }
            return changed == 1;
        }));
    }

    /** Refunds a paid order once; a repeat finds it refunded. */
    public Refund refund(String tradeNo, BigDecimal money) {
        return tx.execute(t -> {
            Optional<Order> found = jdbc.query("select * from simulator.epay_order where trade_no = ? for update",
                    EpayOrders::order, tradeNo).stream().findFirst();
            if (found.isEmpty()) {
                return Refund.UNKNOWN;
            }
            Order order = found.get();
            if (order.refundMoney() != null) {
                return Refund.ALREADY_REFUNDED;
            }
            if (!order.paid()) {
                return Refund.UNPAID;
            }
            if (money.signum() <= 0 || money.compareTo(new BigDecimal(order.money())) > 0) {
                return Refund.TOO_MUCH;
            }
            jdbc.update("update simulator.epay_order set refund_money = ?, refunded_at = ? where trade_no = ?",
                    EpayController.yuan(money), Timestamp.from(Instant.now()), tradeNo);
            return Refund.REFUNDED;
        });
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new Order(rs.getString("trade_no"), rs.getString("out_trade_no"), rs.getString("pid"),
                rs.getString("type"), rs.getString("name"), rs.getString("money"), rs.getString("notify_url"),
                rs.getString("return_url"), rs.getInt("status"), rs.getBoolean("drop_callbacks"),
                rs.getTimestamp("added_at").toInstant(), paid == null ? null : paid.toInstant(),
                rs.getString("refund_money"));
    }
}
