package dev.cardflow.simulator.stripe;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Stripe's idempotency keys: the first answer to a key is kept and replayed for the same request;
 * the same key with other parameters is refused. Failed requests keep nothing, as at Stripe.
 */
public class StripeIdempotency {

    private record Kept(String path, String fingerprint, String body) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public StripeIdempotency(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Runs {@code work} in a transaction, once per key ({@code key} null: every time). */
    String once(String key, String path, String fingerprint, Supplier<String> work) {
        return tx.execute(t -> {
            if (key == null || key.isBlank()) {
                return work.get();
            }
            // the row lock makes a concurrent request with the same key wait for the first one's answer
            jdbc.update("""
                    insert into simulator.stripe_idempotency (idempotency_key, request_path, request_hash)
                    values (?, ?, ?) on conflict do nothing""", key, path, fingerprint);
            Kept kept = jdbc.query("""
                    select request_path, request_hash, body from simulator.stripe_idempotency
                    where idempotency_key = ? for update""",
                    (rs, n) -> new Kept(rs.getString(1), rs.getString(2), rs.getString(3)), key).get(0);
            if (!kept.path().equals(path) || !kept.fingerprint().equals(fingerprint)) {
                throw StripeError.invalid(null, "Keys for idempotent requests can only be used with the same parameters"
                        + " they were first used with. Try using a key other than '" + key
                        + "' if you meant to execute a different request.", null)
                        .withType("idempotency_error");
            }
            if (kept.body() != null) {
                return kept.body();
            }
            String body = work.get();
            jdbc.update("update simulator.stripe_idempotency set status = 200, body = ? where idempotency_key = ?",
                    body, key);
            return body;
        });
    }
}
