package dev.cardflow.infrastructure.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.util.List;

/**
 * Drops the six client-side percentiles Axon's timers (axon-micrometer) publish for every
 * processor and payload type: they cannot be aggregated across instances and made up half of a
 * scrape. Their count, sum and max stay.
 */
public class AxonTimerPercentiles implements MeterFilter {

    /** The components Axon names its dimensional meters after. */
    static final List<String> AXON_COMPONENTS = List.of("eventProcessor.", "commandBus.", "eventStore.", "queryBus.",
            "queryUpdateEmitter.", "deadlineManager.");

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (AXON_COMPONENTS.stream().anyMatch(id.getName()::startsWith)) {
            return DistributionStatisticConfig.builder().percentiles().build().merge(config);
        }
        return config;
    }
}
