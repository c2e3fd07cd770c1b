package dev.cardflow.fulfilment.saga;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Moves a stored deadline to another time in place: one update of its row in the saga's transaction
 * (db-scheduler's DataSource is transaction-aware), where cancelling and scheduling anew deletes a
 * row and inserts one. A deadline that cannot be moved — firing right now, picked by an instance
 * that died, gone — is reported as not moved, and the saga sets a new one.
 */
public class DeadlineRescheduling {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRescheduling.class);

    private final Scheduler scheduler;

    public DeadlineRescheduling(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Whether the deadline {@code scheduleId} now fires at {@code at}. */
    public boolean reschedule(String deadlineName, String scheduleId, Instant at) {
        try {
            // false: picked to fire between db-scheduler's look-up and its update (the version moved on)
            return scheduler.reschedule(new DbSchedulerDeadlineToken(scheduleId), at);
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException firingOrGone) {
            log.debug("Deadline {} ({}) cannot be moved: {}", deadlineName, scheduleId,
                    firingOrGone.getClass().getSimpleName());
            return false;
        }
    }
}
