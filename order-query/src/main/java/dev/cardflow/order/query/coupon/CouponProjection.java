package dev.cardflow.order.query.coupon;

import dev.cardflow.api.coupon.CouponCreated;
import dev.cardflow.api.coupon.CouponDisabled;
import dev.cardflow.api.coupon.CouponUseReturned;
import dev.cardflow.api.coupon.CouponUsed;
import dev.cardflow.infrastructure.axon.SavepointPerEvent;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static dev.cardflow.infrastructure.axon.JsonColumns.read;
import static dev.cardflow.infrastructure.axon.JsonColumns.write;

/**
 * Projects the coupons and how many uses each holds into {@code coupon}, for the console's list. The uses are the
 * Coupon aggregate's decision; this table only counts them.
 */
@Component
@ProcessingGroup(CouponProjection.PROCESSING_GROUP)
@SavepointPerEvent
public class CouponProjection {

    public static final String PROCESSING_GROUP = "coupons";
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    /** A coupon as the console lists it; amounts are decimal strings. */
    public record CouponView(String code, String kind, String value, String currency, List<String> productIds,
                             String minAmount, Integer maxUses, Instant expiresAt, boolean disabled, int used,
                             Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public CouponProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CouponCreated e, @Timestamp Instant at) {
        jdbc.update("""
                insert into coupon (code, kind, value, currency, product_ids, min_amount, max_uses, expires_at,
                                    created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (code) do nothing""",
                e.code(), e.kind().name(), e.value().toPlainString(), e.currency(),
                write(e.productIds() == null ? List.of() : e.productIds()),
                e.minAmount() == null ? null : e.minAmount().toPlainString(), e.maxUses(),
                e.expiresAt() == null ? null : java.sql.Timestamp.from(e.expiresAt()), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(CouponUsed e) {
        jdbc.update("update coupon set used = used + 1 where code = ?", e.code());
    }

    @EventHandler
    void on(CouponUseReturned e) {
        jdbc.update("update coupon set used = greatest(used - 1, 0) where code = ?", e.code());
    }

    @EventHandler
    void on(CouponDisabled e) {
        jdbc.update("update coupon set disabled = true where code = ?", e.code());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from coupon");
    }

    /** Every coupon, newest first. */
    public List<CouponView> all() {
        return jdbc.query("select * from coupon order by created_at desc, code", this::view);
    }

    private CouponView view(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp expires = rs.getTimestamp("expires_at");
        return new CouponView(rs.getString("code"), rs.getString("kind"), rs.getString("value"),
                rs.getString("currency"), read(rs.getString("product_ids"), IDS), rs.getString("min_amount"),
                (Integer) rs.getObject("max_uses"), expires == null ? null : expires.toInstant(),
                rs.getBoolean("disabled"), rs.getInt("used"), rs.getTimestamp("created_at").toInstant());
    }
}
