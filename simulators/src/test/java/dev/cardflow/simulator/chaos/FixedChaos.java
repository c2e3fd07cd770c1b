package dev.cardflow.simulator.chaos;

import java.util.HashMap;
import java.util.Map;

/** Chaos whose knobs are set in the test instead of the simulator's database. */
public class FixedChaos extends Chaos {

    private final Map<String, ChaosKnobs> knobs = new HashMap<>();

    public FixedChaos() {
        super(null, null);
    }

    @Override
    public ChaosKnobs knobs(String target) {
        return knobs.getOrDefault(target, ChaosKnobs.CALM);
    }

    @Override
    public ChaosKnobs change(String target, ChaosKnobs.ChaosChange change) {
        ChaosKnobs changed = knobs(target).with(change);
        knobs.put(target, changed);
        return changed;
    }
}
