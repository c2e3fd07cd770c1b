package dev.cardflow.simulator.chaos;

/**
 * The chaos knobs of one simulated system (API.md). Rates are shares between 0 and 1.
 *
 * @param latencyMs             added to every call
 * @param jitterMs              up to this much more, at random
 * @param failureRate           share of calls answered 5xx
 * @param timeoutRate           share of calls that hang for 30 s before answering
 * @param callbackDropRate      share of payments whose notification never arrives
 * @param callbackDuplicateRate share of notifications sent twice
 * @param callbackDelayMs       wait before a notification is first sent
 * @param refundSupported       EPay only: whether the gateway can refund (many real ones cannot); null means true,
 *                              so knobs stored before it existed read as true
 */
public record ChaosKnobs(long latencyMs, long jitterMs, double failureRate, double timeoutRate,
                         double callbackDropRate, double callbackDuplicateRate, long callbackDelayMs,
                         Boolean refundSupported) {

    public static final ChaosKnobs CALM = new ChaosKnobs(0, 0, 0, 0, 0, 0, 0, true);

    public ChaosKnobs {
        refundSupported = refundSupported == null || refundSupported;
        requireRate("failureRate", failureRate);
        requireRate("timeoutRate", timeoutRate);
        requireRate("callbackDropRate", callbackDropRate);
        requireRate("callbackDuplicateRate", callbackDuplicateRate);
        if (latencyMs < 0 || jitterMs < 0 || callbackDelayMs < 0) {
            throw new IllegalArgumentException("latencyMs, jitterMs and callbackDelayMs must not be negative");
        }
    }

    /** These knobs with the ones given in {@code change} (null means unchanged). */
    public ChaosKnobs with(ChaosChange change) {
        return new ChaosKnobs(
                or(change.latencyMs(), latencyMs), or(change.jitterMs(), jitterMs),
                or(change.failureRate(), failureRate), or(change.timeoutRate(), timeoutRate),
                or(change.callbackDropRate(), callbackDropRate),
                or(change.callbackDuplicateRate(), callbackDuplicateRate),
                or(change.callbackDelayMs(), callbackDelayMs),
                or(change.refundSupported(), refundSupported));
    }

    /** A PUT body: any subset of the knobs. */
    public record ChaosChange(Long latencyMs, Long jitterMs, Double failureRate, Double timeoutRate,
                              Double callbackDropRate, Double callbackDuplicateRate, Long callbackDelayMs,
                              Boolean refundSupported) {
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static void requireRate(String name, double rate) {
        if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
