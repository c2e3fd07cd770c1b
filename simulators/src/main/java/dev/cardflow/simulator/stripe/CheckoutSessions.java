package dev.cardflow.simulator.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The simulated Stripe account's Checkout Sessions and refunds, in the simulator's tables. */
public class CheckoutSessions {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    /** A Checkout Session; {@link #object()} is how Stripe shows it. */
    public record Session(String id, String lineItems, long amountTotal, String currency, String clientReferenceId,
                          Map<String, String> metadata, String successUrl, String cancelUrl, String url, String status,
                          String paymentStatus, String paymentIntent, Instant asyncSucceedsAt, boolean dropCallbacks,
                          Instant expiresAt, Instant created) {

        boolean open() {
            return status.equals("open");
        }

        /** Paid by an asynchronous method that has neither succeeded nor failed yet. */
        boolean awaitingAsyncPayment() {
            return status.equals("complete") && paymentStatus.equals("unpaid") && asyncSucceedsAt != null;
        }

        Map<String, Object> object() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", id);
            o.put("object", "checkout.session");
            o.put("amount_subtotal", amountTotal);
            o.put("amount_total", amountTotal);
            o.put("cancel_url", cancelUrl);
            o.put("client_reference_id", clientReferenceId);
            o.put("created", created.getEpochSecond());
            o.put("currency", currency);
            o.put("customer", null);
            o.put("customer_details", null);
            o.put("expires_at", expiresAt.getEpochSecond());
            o.put("livemode", false);
            o.put("metadata", metadata);
            o.put("mode", "payment");
            o.put("payment_intent", paymentIntent);
            o.put("payment_method_types", List.of("card"));
            o.put("payment_status", paymentStatus);
            o.put("status", status);
            o.put("success_url", successUrl);
            // Stripe shows the URL only while the session can still be paid
            o.put("url", open() ? url : null);
            return o;
        }
    }

    /** A new session's contents, checked. */
    record NewSession(String lineItems, long amountTotal, String currency, String clientReferenceId,
                      Map<String, String> metadata, String successUrl, String cancelUrl, Instant expiresAt,
                      boolean dropCallbacks) {
    }

    /** A refund; {@link #object()} is how Stripe shows it. */
    public record Refund(String id, String paymentIntent, long amount, String currency, Map<String, String> metadata,
                         Instant created) {

        Map<String, Object> object() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", id);
            o.put("object", "refund");
            o.put("amount", amount);
            o.put("balance_transaction", null);
            o.put("charge", null);
            o.put("created", created.getEpochSecond());
            o.put("currency", currency);
            o.put("metadata", metadata);
            o.put("payment_intent", paymentIntent);
            o.put("reason", null);
            o.put("status", "succeeded");
            return o;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public CheckoutSessions(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    Session create(NewSession s, String payPageBase) {
        String id = "cs_test_a1" + random(56);
        Instant now = Instant.now();
        jdbc.update("""
                insert into simulator.stripe_checkout_session (session_id, line_items, amount_total, currency,
                    client_reference_id, metadata, success_url, cancel_url, url, status, payment_status, drop_callbacks,
                    expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 'unpaid', ?, ?, ?)""",
                id, s.lineItems(), s.amountTotal(), s.currency(), s.clientReferenceId(), write(s.metadata()),
                s.successUrl(), s.cancelUrl(), payPageBase + id, s.dropCallbacks(), Timestamp.from(s.expiresAt()),
                Timestamp.from(now));
        return find(id).orElseThrow();
    }

    Optional<Session> find(String id) {
        return jdbc.query("select * from simulator.stripe_checkout_session where session_id = ?", this::session, id)
                .stream().findFirst();
    }

    /** The session, locked until the caller's transaction ends. */
    Optional<Session> lock(String id) {
        return jdbc.query("select * from simulator.stripe_checkout_session where session_id = ? for update",
                this::session, id).stream().findFirst();
    }

    Optional<Session> lockByPaymentIntent(String paymentIntent) {
        return jdbc.query("select * from simulator.stripe_checkout_session where payment_intent = ? for update",
                this::session, paymentIntent).stream().findFirst();
    }

    /** Completes an open session: paid at once, or (asynchronous) unpaid until {@code asyncDelay} passed. */
    Session complete(String id, Duration asyncDelay) {
        jdbc.update("""
                update simulator.stripe_checkout_session set status = 'complete', payment_intent = ?,
                    payment_status = ?, async_succeeds_at = ? where session_id = ? and status = 'open'""",
                "pi_" + random(24), asyncDelay == null ? "paid" : "unpaid",
                asyncDelay == null ? null : Timestamp.from(Instant.now().plus(asyncDelay)), id);
        return find(id).orElseThrow();
    }

    Session failAsyncPayment(String id) {
        jdbc.update("update simulator.stripe_checkout_session set async_succeeds_at = null where session_id = ?", id);
        return find(id).orElseThrow();
    }

    Session expire(String id) {
        jdbc.update("update simulator.stripe_checkout_session set status = 'expired' where session_id = ? and status = 'open'", id);
        return find(id).orElseThrow();
    }

    /**
     * Expires the open sessions whose time ran out and settles the asynchronous payments whose time
     * came, telling {@code expired} and {@code paid} about each (in the same transaction).
     */
    void sweep(Consumer<Session> expired, Consumer<Session> paid) {
        tx.executeWithoutResult(t -> {
            jdbc.query("""
                    update simulator.stripe_checkout_session set status = 'expired'
                    where session_id in (select session_id from simulator.stripe_checkout_session
                        where status = 'open' and expires_at <= now() limit 50 for update skip locked)
                    returning *""", this::session).forEach(expired);
            jdbc.query("""
                    update simulator.stripe_checkout_session set payment_status = 'paid', async_succeeds_at = null
                    where session_id in (select session_id from simulator.stripe_checkout_session
                        where status = 'complete' and payment_status = 'unpaid' and async_succeeds_at <= now()
                        limit 50 for update skip locked)
                    returning *""", this::session).forEach(paid);
        });
    }

    long refunded(String paymentIntent) {
        Long sum = jdbc.queryForObject("select coalesce(sum(amount), 0) from simulator.stripe_refund where payment_intent = ?",
                Long.class, paymentIntent);
        return sum == null ? 0 : sum;
    }

    Refund refund(Session session, long amount, Map<String, String> metadata) {
        Refund refund = new Refund("re_" + random(24), session.paymentIntent(), amount, session.currency(), metadata,
                Instant.now());
        jdbc.update("""
                insert into simulator.stripe_refund (refund_id, payment_intent, amount, currency, metadata, created_at)
                values (?, ?, ?, ?, ?, ?)""",
                refund.id(), refund.paymentIntent(), amount, refund.currency(), write(metadata),
                Timestamp.from(refund.created()));
        return refund;
    }

    <T> T inTransaction(Supplier<T> work) {
        return tx.execute(t -> work.get());
    }

    static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private Session session(ResultSet rs, int row) throws SQLException {
        Timestamp async = rs.getTimestamp("async_succeeds_at");
        return new Session(rs.getString("session_id"), rs.getString("line_items"), rs.getLong("amount_total"), rs.getString("currency"),
                rs.getString("client_reference_id"), read(rs.getString("metadata")), rs.getString("success_url"),
                rs.getString("cancel_url"), rs.getString("url"), rs.getString("status"),
                rs.getString("payment_status"), rs.getString("payment_intent"),
                async == null ? null : async.toInstant(), rs.getBoolean("drop_callbacks"),
                rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
