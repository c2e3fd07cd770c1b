package dev.cardflow.fulfilment.audit;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentTimings;
import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SagaReplayTest {

    private static final String ORDER = "o-1";
    private static final String PRODUCT = "p-1";
    private static final Money PRICE = Money.of("5.00", "EUR");
    private static final List<SealedCardKey> KEYS = List.of(new SealedCardKey("fp-1", "v1:sealed"));
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final SagaReplay replay = new SagaReplay(new FulfilmentProcess(FulfilmentTimings.defaults()));
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @Test
    void historyThatFollowsEveryDecisionIsConsistent() {
        deliveredOrder();

        SagaReplay.Verdict verdict = replay.replay(history);

        assertThat(verdict.consistent()).isTrue();
        assertThat(verdict.decisions()).hasSize(6);
        assertThat(verdict.decisions().get(0).decisions()).anyMatch(d -> d.startsWith("send ReserveStock"));
        assertThat(verdict.decisions().get(5).decisions()).containsExactly("end");
    }

    @Test
    void eventTheFulfilmentCausedButNeverDecidedIsReported() {
        placed();
        event(new StockReserved(PRODUCT, ORDER, KEYS), Origin.FULFILMENT, 1);
        event(new StockIssued(PRODUCT, ORDER, KEYS), Origin.FULFILMENT, 2);

        SagaReplay.Verdict verdict = replay.replay(history);

        assertThat(verdict.consistent()).isFalse();
        assertThat(verdict.discrepancies()).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo("unexplained-event");
                    assertThat(d.event()).isEqualTo("StockIssued");
                });
    }

    @Test
    void operatorsStepIsReportedAsAManualInterventionWithWhoAndWhy() {
        placed();
        history.add(new GenericDomainEventMessage<>("Order", ORDER, 1, new OrderCancelled(ORDER, "cancelled by hand"),
                MetaData.from(Map.of(Origin.ORIGIN, Origin.OPERATOR_ACTION, Origin.OPERATOR, "alice",
                        Origin.REASON, "fraud suspected")), "e-op", T0.plusSeconds(1)));

        SagaReplay.Verdict verdict = replay.replay(history);

        assertThat(verdict.discrepancies()).extracting(SagaReplay.Discrepancy::kind)
                .contains("manual-intervention");
        SagaReplay.Discrepancy manual = verdict.discrepancies().stream()
                .filter(d -> d.kind().equals("manual-intervention")).findFirst().orElseThrow();
        assertThat(manual.operator()).isEqualTo("alice");
        assertThat(manual.reason()).isEqualTo("fraud suspected");
    }

    @Test
    void decisionWithoutItsEventInASettledOrderIsReported() {
        placed();
        event(new OrderCancelled(ORDER, "payment not received in time"), Origin.FULFILMENT, 1);

        SagaReplay.Verdict verdict = replay.replay(history);

        assertThat(verdict.discrepancies()).extracting(SagaReplay.Discrepancy::kind)
                .contains("decision-not-carried-out", "unexplained-event");
        assertThat(verdict.discrepancies()).anyMatch(d -> d.event().startsWith("send ReserveStock"));
    }

    @Test
    void deadlinesFireInTheSandboxAtTheirTime() {
        placed();
        event(new StockReserved(PRODUCT, ORDER, KEYS), Origin.FULFILMENT, 1);
        event(new PaymentRequested(ORDER, "pay-1", "http://psp/pay-1", T0.plusSeconds(900)), Origin.FULFILMENT, 2);
        event(new OrderCancelled(ORDER, "payment not received in time"), Origin.FULFILMENT, 905);

        SagaReplay.Verdict verdict = replay.replay(history);

        assertThat(verdict.consistent()).isTrue();
        assertThat(verdict.decisions()).anyMatch(p -> p.trigger().equals("deadline payment-expiry")
                && p.decisions().stream().anyMatch(d -> d.startsWith("ExpireUnlessPaid")));
    }

    private void deliveredOrder() {
        placed();
        event(new StockReserved(PRODUCT, ORDER, KEYS), Origin.FULFILMENT, 1);
        event(new PaymentRequested(ORDER, "pay-1", "http://psp/pay-1", T0.plusSeconds(900)), Origin.FULFILMENT, 2);
        event(new PaymentConfirmed(ORDER, "pay-1", "evt-1", PRICE), Origin.PSP_NOTIFICATION, 3);
        event(new StockIssued(PRODUCT, ORDER, KEYS), Origin.FULFILMENT, 4);
        event(new OrderDelivered(ORDER, KEYS, "b@example.com"), Origin.FULFILMENT, 5);
    }

    private void placed() {
        event(new OrderPlaced(ORDER, PRODUCT, "Steam", 1, PRICE, PRICE, ProductSource.POOL, null, "b@example.com",
                "fp"), Origin.BUYER, 0);
    }

    private void event(Object payload, String origin, int second) {
        history.add(new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), ORDER, history.size(),
                payload, MetaData.with(Origin.ORIGIN, origin), "e-" + history.size(), T0.plusSeconds(second)));
    }
}
