package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.coupon.ReturnCouponUse;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.fulfilment.process.Decision.CreatePayment;
import dev.cardflow.fulfilment.process.Decision.End;
import dev.cardflow.fulfilment.process.Decision.GiveBackCoupon;
import dev.cardflow.fulfilment.process.Decision.HoldStock;
import dev.cardflow.fulfilment.process.Decision.IssueStock;
import dev.cardflow.fulfilment.process.Decision.RefundPayment;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.AwaitingOperator;
import dev.cardflow.fulfilment.process.Fulfilment.Stage.Settled;
import dev.cardflow.fulfilment.process.FulfilmentProcess.Step;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MANUAL order's fulfilment: paid like an UPSTREAM order, it then waits for an operator (nothing held, nothing
 * bought) until the operator's delivery settles it; an order with a coupon gives its use back when cancelled unpaid.
 */
class ManualFulfilmentProcessTest {

    private static final String ORDER = "o-1";
    private static final Money AMOUNT = Money.of("12.00", "EUR");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final OrderPlaced MANUAL_ORDER = new OrderPlaced(ORDER, "p-1", "Game top-up", 1, AMOUNT, AMOUNT,
            ProductSource.MANUAL, null, "buyer@example.com", "request-1", PaymentMethods.SIMULATOR, null,
            Map.of("accountId", "player-42"), null, null);
    private static final OrderPlaced COUPON_ORDER = new OrderPlaced(ORDER, "p-1", "Steam 10 EUR", 1,
            Money.of("10.00", "EUR"), Money.of("9.00", "EUR"), ProductSource.UPSTREAM, "SKU", "buyer@example.com",
            "request-1", PaymentMethods.SIMULATOR, null, null, "SPRING10", Money.of("1.00", "EUR"));
    private static final PaymentRequested PAYMENT_REQUESTED =
            new PaymentRequested(ORDER, "pay-1", "https://psp.test/pay/pay-1", T0.plus(Duration.ofMinutes(15)));

    private final FulfilmentProcess process = new FulfilmentProcess(FulfilmentTimings.defaults());
    private Fulfilment state;
    private OrderSoFar order = new OrderSoFar(OrderFacts.of(MANUAL_ORDER), null, null, null);

    private List<Decision> on(Object event, Instant at) {
        Step step = process.handle(state, FulfilmentRoutes.route(event).orElseThrow(), at, id -> order);
        state = step.state();
        return step.decisions();
    }

    private void manualOrderPaid() {
        on(MANUAL_ORDER, T0);
        on(PAYMENT_REQUESTED, T0.plusSeconds(1));
        on(new PaymentConfirmed(ORDER, "pay-1", "evt-1", AMOUNT), T0.plusSeconds(30));
    }

    @Test
    void aManualOrderHoldsNoStockAndAsksForItsPayment() {
        List<Decision> decisions = on(MANUAL_ORDER, T0);

        assertThat(decisions).hasAtLeastOneElementOfType(CreatePayment.class)
                .noneMatch(HoldStock.class::isInstance);
    }

    @Test
    void aPaidManualOrderWaitsForTheOperatorWithoutIssuingOrBuyingKeys() {
        manualOrderPaid();

        assertThat(state.stage()).isInstanceOf(AwaitingOperator.class);
        assertThat(state.holdsStock()).isFalse();
    }

    @Test
    void thePaymentIsNoLongerWatchedOnceTheOrderWaitsForTheOperator() {
        on(MANUAL_ORDER, T0);
        on(PAYMENT_REQUESTED, T0.plusSeconds(1));

        List<Decision> paid = on(new PaymentConfirmed(ORDER, "pay-1", "evt-1", AMOUNT), T0.plusSeconds(30));

        assertThat(paid).noneMatch(d -> d instanceof IssueStock || d instanceof BuyCardKeys)
                .allMatch(Decision.Unschedule.class::isInstance);
    }

    @Test
    void theOperatorsDeliverySettlesTheOrder() {
        manualOrderPaid();

        List<Decision> delivered = on(new OrderDelivered(ORDER, List.of(new SealedCardKey("fp", "v1:c")),
                "buyer@example.com"), T0.plusSeconds(600));

        assertThat(delivered).contains(new End());
        assertThat(state.stage()).isInstanceOf(Settled.class);
    }

    @Test
    void anOperatorsRetryOfAWaitingManualOrderDecidesNothing() {
        manualOrderPaid();

        List<Decision> retried = on(new FulfilmentRetryRequested(ORDER, OrderStatus.PAID), T0.plusSeconds(600));

        assertThat(retried).isEmpty();
        assertThat(state.stage()).isInstanceOf(AwaitingOperator.class);
    }

    @Test
    void aRetryFindingNoFulfilmentOfAPaidManualOrderResumesWaitingForTheOperator() {
        state = null;

        on(new FulfilmentRetryRequested(ORDER, OrderStatus.PAID), T0);

        assertThat(state.stage()).isInstanceOf(AwaitingOperator.class);
    }

    @Test
    void aWaitingManualOrderCanStillBeRefunded() {
        manualOrderPaid();

        List<Decision> refunding = on(new RefundRequested(ORDER, "pay-1", RefundRequested.refundIdFor(ORDER), AMOUNT,
                "refunded by an operator: cannot top up", false), T0.plusSeconds(600));

        assertThat(refunding).hasAtLeastOneElementOfType(RefundPayment.class);
    }

    @Test
    void anOrderCancelledUnpaidGivesItsCouponUseBack() {
        order = new OrderSoFar(OrderFacts.of(COUPON_ORDER), null, null, null);
        on(COUPON_ORDER, T0);
        on(PAYMENT_REQUESTED, T0.plusSeconds(1));

        List<Decision> cancelled = on(new OrderCancelled(ORDER, "payment not received in time"),
                T0.plus(Duration.ofMinutes(16)));

        assertThat(cancelled).contains(new GiveBackCoupon(new ReturnCouponUse("SPRING10", ORDER, false)), new End());
    }

    @Test
    void anOrderWithoutACouponGivesNothingBack() {
        on(MANUAL_ORDER, T0);
        on(PAYMENT_REQUESTED, T0.plusSeconds(1));

        assertThat(on(new OrderCancelled(ORDER, "cancelled"), T0.plusSeconds(60)))
                .noneMatch(GiveBackCoupon.class::isInstance);
    }
}
