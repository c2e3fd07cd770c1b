package dev.cardflow.order.command.coupon;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.coupon.CouponCreated;
import dev.cardflow.api.coupon.CouponDisabled;
import dev.cardflow.api.coupon.CouponKind;
import dev.cardflow.api.coupon.CouponUse;
import dev.cardflow.api.coupon.CouponUseReturned;
import dev.cardflow.api.coupon.CouponUsed;
import dev.cardflow.api.coupon.CreateCoupon;
import dev.cardflow.api.coupon.DisableCoupon;
import dev.cardflow.api.coupon.ReturnCouponUse;
import dev.cardflow.api.coupon.UseCoupon;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A coupon decides each use: exactly its limit, once an order, never after it expired or was disabled. */
class CouponTest {

    private static final String CODE = "SPRING10";
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Money FULL = Money.of("19.80", "EUR");

    private AggregateTestFixture<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coupon.class);
    }

    private static CouponCreated percent(String value, Integer maxUses) {
        return new CouponCreated(CODE, CouponKind.PERCENT, new BigDecimal(value), null, List.of(), null, maxUses, null);
    }

    private static UseCoupon use(String orderId) {
        return new UseCoupon(CODE, orderId, "p-1", FULL, NOW);
    }

    @Test
    void aNewCodeIsCreatedNormalised() {
        fixture.givenNoPriorActivity()
                .when(new CreateCoupon(" spring10 ", CouponKind.PERCENT, new BigDecimal("10"), null, null, null, 3,
                        null))
                .expectEvents(new CouponCreated(CODE, CouponKind.PERCENT, new BigDecimal("10"), null, List.of(), null,
                        3, null));
    }

    @Test
    void aCodeIsCreatedOnlyOnce() {
        fixture.given(percent("10", null))
                .when(new CreateCoupon(CODE, CouponKind.PERCENT, new BigDecimal("20"), null, null, null, null, null))
                .expectException(CouponRefused.AlreadyExists.class);
    }

    @Test
    void aPercentCouponTakesItsShareOffTheFullAmount() {
        fixture.given(percent("25", 3))
                .when(use("o-1"))
                .expectEvents(new CouponUsed(CODE, "o-1", Money.of("4.95", "EUR")))
                .expectResultMessagePayload(new CouponUse(CODE, Money.of("4.95", "EUR"), true));
    }

    @Test
    void aFixedCouponNeverMakesAnOrderCostLessThanOneCent() {
        fixture.given(new CouponCreated(CODE, CouponKind.FIXED, new BigDecimal("100.00"), "EUR", List.of(), null,
                        null, null))
                .when(use("o-1"))
                .expectEvents(new CouponUsed(CODE, "o-1", Money.of("19.79", "EUR")));
    }

    @Test
    void theSameOrderAskingAgainGetsItsUseBackWithoutTakingASecond() {
        fixture.given(percent("25", 1), new CouponUsed(CODE, "o-1", Money.of("4.95", "EUR")))
                .when(use("o-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new CouponUse(CODE, Money.of("4.95", "EUR"), false));
    }

    @Test
    void aUsedUpCouponIsRefused() {
        fixture.given(percent("10", 2), new CouponUsed(CODE, "o-1", Money.of("1.98", "EUR")),
                        new CouponUsed(CODE, "o-2", Money.of("1.98", "EUR")))
                .when(use("o-3"))
                .expectException(CouponRefused.NotUsable.class)
                .expectNoEvents();
    }

    @Test
    void aReturnedUseCanBeTakenByAnotherOrder() {
        fixture.given(percent("10", 1), new CouponUsed(CODE, "o-1", Money.of("1.98", "EUR")),
                        new CouponUseReturned(CODE, "o-1", false))
                .when(use("o-2"))
                .expectEvents(new CouponUsed(CODE, "o-2", Money.of("1.98", "EUR")));
    }

    @Test
    void aCancelledOrderRetryingItsPlacementTakesNoUseAgain() {
        fixture.given(percent("10", 1), new CouponUsed(CODE, "o-1", Money.of("1.98", "EUR")),
                        new CouponUseReturned(CODE, "o-1", false))
                .when(use("o-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new CouponUse(CODE, Money.of("1.98", "EUR"), false));
    }

    @Test
    void returningAUseIsIdempotent() {
        fixture.given(percent("10", 1), new CouponUsed(CODE, "o-1", Money.of("1.98", "EUR")),
                        new CouponUseReturned(CODE, "o-1", false))
                .when(new ReturnCouponUse(CODE, "o-1", false))
                .expectNoEvents();
    }

    @Test
    void anExpiredCouponIsRefused() {
        fixture.given(new CouponCreated(CODE, CouponKind.PERCENT, BigDecimal.TEN, null, List.of(), null, null,
                        NOW.minusSeconds(1)))
                .when(use("o-1"))
                .expectException(CouponRefused.NotUsable.class);
    }

    @Test
    void aDisabledCouponIsRefused() {
        fixture.given(percent("10", null), new CouponDisabled(CODE))
                .when(use("o-1"))
                .expectException(CouponRefused.NotUsable.class);
    }

    @Test
    void disablingTwiceChangesNothing() {
        fixture.given(percent("10", null), new CouponDisabled(CODE))
                .when(new DisableCoupon(CODE))
                .expectNoEvents();
    }

    @Test
    void aCouponForOtherProductsOtherCurrenciesOrLargerOrdersIsRefused() {
        fixture.given(new CouponCreated(CODE, CouponKind.FIXED, BigDecimal.ONE, "EUR", List.of("p-2"), null, null,
                        null))
                .when(use("o-1"))
                .expectException(CouponRefused.NotUsable.class);
        fixture.given(new CouponCreated(CODE, CouponKind.FIXED, BigDecimal.ONE, "USD", List.of(), null, null, null))
                .when(use("o-1"))
                .expectException(CouponRefused.NotUsable.class);
        fixture.given(new CouponCreated(CODE, CouponKind.FIXED, BigDecimal.ONE, "EUR", List.of(),
                        new BigDecimal("20.00"), null, null))
                .when(use("o-1"))
                .expectException(CouponRefused.NotUsable.class);
    }
}
