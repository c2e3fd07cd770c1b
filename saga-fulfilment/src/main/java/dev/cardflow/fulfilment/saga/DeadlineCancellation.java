package dev.cardflow.fulfilment.saga;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a scheduled deadline when the saga's transaction commits, and does not fail that
 * transaction when the deadline cannot be cancelled because it is firing right now — or was picked
 * by an instance that died while firing it. Axon's own cancellation would then fail the unit of
 * work and stall the saga's processor until db-scheduler declares the execution dead; here the
 * deadline is left to fire, and the fulfilment ignores a deadline for a step it has left.
 */
public class DeadlineCancellation {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCancellation.class);

    private final Scheduler scheduler;

    public DeadlineCancellation(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void cancel(String deadlineName, String scheduleId) {
        Runnable cancel = () -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException gone) {
                // fired or cancelled already
            } catch (ExecutionException pickedMeanwhile) {
                // picked to fire between db-scheduler's look-up and its delete ("removed 0"): left to fire
                log.info("Deadline {} ({}) was picked to fire while being cancelled; left to fire",
                        deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException firing) {
                log.info("Deadline {} ({}) is firing (or was picked by a stopped instance); left to fire",
                        deadlineName, scheduleId);
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(u -> cancel.run());
        } else {
            cancel.run();
        }
    }
}
