package dev.cardflow.platform.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a scenario measured: how many orders ended how, and how long they took to get there. */
public class Outcomes {

    private final String scenario;
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final List<Duration> times = new ArrayList<>();
    private int duplicates;

    public Outcomes(String scenario) {
        this.scenario = scenario;
    }

    public synchronized void record(String status, Duration timeToTerminal) {
        byStatus.merge(status, 1, Integer::sum);
        times.add(timeToTerminal);
    }

    public synchronized void duplicates(int count) {
        duplicates += count;
    }

    /** A line for the build log, copied into docs/benchmarks.md. */
    public synchronized String report() {
        List<Duration> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        return "SCENARIO " + scenario + ": orders=" + n + " outcomes=" + byStatus + " duplicates=" + duplicates
                + " time-to-terminal p50=" + percentile(sorted, 50) + " p95=" + percentile(sorted, 95)
                + " max=" + (n == 0 ? "-" : millis(sorted.get(n - 1)));
    }

    private static String percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return millis(sorted.get(Math.max(index, 0)));
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }
}
