package dev.cardflow.infrastructure.operations;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AxonTimerPercentilesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    AxonTimerPercentilesTest() {
        meters.config().meterFilter(new AxonTimerPercentiles());
    }

    @Test
    void axonsTimersKeepTheirCountButPublishNoPercentiles() {
        Timer axon = Timer.builder("eventProcessor.successTimer").tag("processorName", "order-status")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        axon.record(Duration.ofMillis(5));

        assertThat(axon.takeSnapshot().percentileValues()).isEmpty();
        assertThat(axon.count()).isEqualTo(1);
    }

    @Test
    void othersTimersKeepThePercentilesTheyAskFor() {
        Timer ours = Timer.builder("cardflow.something").publishPercentiles(0.5, 0.95).register(meters);
        ours.record(Duration.ofMillis(5));

        assertThat(ours.takeSnapshot().percentileValues()).hasSize(2);
    }
}
