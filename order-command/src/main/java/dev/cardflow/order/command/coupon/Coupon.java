package dev.cardflow.order.command.coupon;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.coupon.CouponCreated;
import dev.cardflow.api.coupon.CouponDisabled;
import dev.cardflow.api.coupon.CouponKind;
import dev.cardflow.api.coupon.CouponUse;
import dev.cardflow.api.coupon.CouponUseReturned;
import dev.cardflow.api.coupon.CouponUsed;
import dev.cardflow.api.coupon.Coupons;
import dev.cardflow.api.coupon.CreateCoupon;
import dev.cardflow.api.coupon.DisableCoupon;
import dev.cardflow.api.coupon.ReturnCouponUse;
import dev.cardflow.api.coupon.UseCoupon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One coupon and its uses: it alone decides whether an order may use it, so its limit holds exactly however many
 * buyers race for the last use (their commands are serialised on this aggregate, and a conflicting append from
 * another instance is retried). One use an order; the order keeps its answer when it asks again.
 */
@Aggregate(cache = "couponCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Coupon {

    @AggregateIdentifier
    private String couponId;
    private String code;
    private CouponKind kind;
    private BigDecimal value;
    private String currency;
    private Set<String> productIds = new HashSet<>();
    private BigDecimal minAmount;
    private Integer maxUses;
    private Instant expiresAt;
    private boolean disabled;
    /** The orders holding a use, with the discount each was given. */
    private Map<String, Money> uses = new HashMap<>();
    /** Orders that were cancelled and gave their use back, with the discount they had been given. */
    private Map<String, Money> returned = new HashMap<>();

    protected Coupon() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateCoupon command) {
        if (code != null) {
            throw new CouponRefused.AlreadyExists(command.code());
        }
        apply(new CouponCreated(command.code(), command.kind(), command.value(), command.currency(),
                command.productIds(), command.minAmount(), command.maxUses(), command.expiresAt()));
    }

    @CommandHandler
    public CouponUse handle(UseCoupon command) {
        Money given = uses.get(command.orderId());
        if (given == null) {
            given = returned.get(command.orderId());
        }
        if (given != null) {
            // a retried placement of an order that has (or had, until it was cancelled) its use
            return new CouponUse(code, given, false);
        }
        Money full = command.fullAmount();
        if (disabled) {
            throw new CouponRefused.NotUsable(code, "is no longer valid");
        }
        if (expiresAt != null && !command.at().isBefore(expiresAt)) {
            throw new CouponRefused.NotUsable(code, "has expired");
        }
        if (maxUses != null && uses.size() >= maxUses) {
            throw new CouponRefused.NotUsable(code, "has been used up");
        }
        if (!productIds.isEmpty() && !productIds.contains(command.productId())) {
            throw new CouponRefused.NotUsable(code, "does not apply to this product");
        }
        if (currency != null && !currency.equals(full.currency())) {
            throw new CouponRefused.NotUsable(code, "applies only to prices in " + currency);
        }
        if (minAmount != null && full.amount().compareTo(minAmount) < 0) {
            throw new CouponRefused.NotUsable(code, "applies only to orders of at least " + minAmount.toPlainString()
                    + " " + currency);
        }
        Money discount = discountOn(full);
        apply(new CouponUsed(code, command.orderId(), discount));
        return new CouponUse(code, discount, true);
    }

    /** What this coupon takes off {@code full}: never so much that the order would cost less than one minor unit. */
    private Money discountOn(Money full) {
        int scale = full.amount().scale();
        BigDecimal off = kind == CouponKind.PERCENT
                ? full.amount().multiply(value).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP)
                : value;
        BigDecimal most = full.amount().subtract(BigDecimal.ONE.movePointLeft(scale)).max(BigDecimal.ZERO);
        return new Money(off.min(most).setScale(scale, RoundingMode.HALF_UP), full.currency());
    }

    @CommandHandler
    public void handle(ReturnCouponUse command) {
        if (uses.containsKey(command.orderId())) {
            apply(new CouponUseReturned(code, command.orderId(), command.placementFailed()));
        }
    }

    @CommandHandler
    public void handle(DisableCoupon command) {
        if (!disabled) {
            apply(new CouponDisabled(code));
        }
    }

    @EventSourcingHandler
    void on(CouponCreated event) {
        couponId = Coupons.idOf(event.code());
        code = event.code();
        kind = event.kind();
        value = event.value();
        currency = event.currency();
        productIds = new HashSet<>(event.productIds() == null ? List.of() : event.productIds());
        minAmount = event.minAmount();
        maxUses = event.maxUses();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(CouponUsed event) {
        uses.put(event.orderId(), event.discount());
    }

    @EventSourcingHandler
    void on(CouponUseReturned event) {
        Money discount = uses.remove(event.orderId());
        if (!event.placementFailed() && discount != null) {
            returned.put(event.orderId(), discount);
        }
    }

    @EventSourcingHandler
    void on(CouponDisabled event) {
        disabled = true;
    }
}
