package dev.cardflow.simulator.chaos;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosKnobsTest {

    private static ChaosKnobs.ChaosChange failing(double failureRate) {
        return new ChaosKnobs.ChaosChange(null, null, failureRate, null, null, null, null, null);
    }

    @Test
    void aChangeTurnsOnlyTheKnobsItNames() {
        ChaosKnobs slow = ChaosKnobs.CALM.with(new ChaosKnobs.ChaosChange(250L, null, null, null, 0.5, null, null, false));

        ChaosKnobs slowAndFailing = slow.with(failing(0.2));

        assertThat(slowAndFailing.latencyMs()).isEqualTo(250);
        assertThat(slowAndFailing.callbackDropRate()).isEqualTo(0.5);
        assertThat(slowAndFailing.failureRate()).isEqualTo(0.2);
        assertThat(slowAndFailing.refundSupported()).isFalse();
    }

    @Test
    void aRateOutsideZeroToOneOrANegativeDelayIsRefused() {
        assertThatThrownBy(() -> ChaosKnobs.CALM.with(failing(1.5))).hasMessageContaining("failureRate");
        assertThatThrownBy(() -> ChaosKnobs.CALM.with(failing(Double.NaN))).hasMessageContaining("failureRate");
        assertThatThrownBy(() -> ChaosKnobs.CALM.with(new ChaosKnobs.ChaosChange(-1L, null, null, null, null, null,
                null, null))).hasMessageContaining("latencyMs");
    }

    @Test
    void knobsStoredBeforeRefundsCouldBeSwitchedOffStillRefund() {
        assertThat(new ChaosKnobs(0, 0, 0, 0, 0, 0, 0, null).refundSupported()).isTrue();
    }

    @Test
    void aCalmSystemAnswersAtOnceAndAFailingOneWithA503AfterItsLatency() {
        Chaos chaos = new Chaos(null, null);

        long calmStart = System.nanoTime();
        chaos.disturb(ChaosKnobs.CALM).block();
        assertThat(Duration.ofNanos(System.nanoTime() - calmStart)).isLessThan(Duration.ofMillis(100));

        ChaosKnobs slowAndBroken = ChaosKnobs.CALM.with(new ChaosKnobs.ChaosChange(150L, null, 1.0, null, null, null,
                null, null));
        long start = System.nanoTime();
        assertThatThrownBy(() -> chaos.disturb(slowAndBroken).block())
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("503");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
