package dev.cardflow.infrastructure.alert;

import dev.cardflow.infrastructure.operations.DeadLetters;

/** Raises {@code dead-letter} for every processing group that has events parked, named by the group. */
public class DeadLetterAlerts implements AlertCheck {

    private final DeadLetters deadLetters;

    public DeadLetterAlerts(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void check(Alerts alerts) {
        for (String group : deadLetters.groups()) {
            long parked = deadLetters.size(group);
            if (parked > 0) {
                alerts.raise(AlertKind.DEAD_LETTER, group, parked + " event(s) parked in the dead-letter queue of "
                        + group + ": fix the cause, then retry them.", "/admin/#dead-letters");
            }
        }
    }
}
