package dev.cardflow.fulfilment.saga;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DeadlineReschedulingTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:05Z");

    private final Scheduler scheduler = mock(Scheduler.class);
    private final DeadlineRescheduling rescheduling = new DeadlineRescheduling(scheduler);

    @Test
    void deadlineIsMovedInPlace() {
        when(scheduler.reschedule(new DbSchedulerDeadlineToken("s-1"), AT)).thenReturn(true);

        assertThat(rescheduling.reschedule("wake-up", "s-1", AT)).isTrue();
    }

    @Test
    void deadlinePickedToFireBetweenTheLookUpAndTheUpdateIsNotMoved() {
        when(scheduler.reschedule(any(DbSchedulerDeadlineToken.class), any(Instant.class))).thenReturn(false);

        assertThat(rescheduling.reschedule("wake-up", "s-1", AT)).isFalse();
    }

    @Test
    void deadlineFiringRightNowOrPickedByADeadInstanceIsNotMoved() {
        when(scheduler.reschedule(any(DbSchedulerDeadlineToken.class), any(Instant.class)))
                .thenThrow(new TaskInstanceCurrentlyExecutingException("AxonDeadline", "s-1"));

        assertThat(rescheduling.reschedule("wake-up", "s-1", AT)).isFalse();
    }

    @Test
    void deadlineThatAlreadyFiredIsNotMoved() {
        when(scheduler.reschedule(any(DbSchedulerDeadlineToken.class), any(Instant.class)))
                .thenThrow(new TaskInstanceNotFoundException("AxonDeadline", "s-1"));

        assertThat(rescheduling.reschedule("wake-up", "s-1", AT)).isFalse();
    }
}
