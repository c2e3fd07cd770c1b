package dev.cardflow.fulfilment.saga;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class DeadlineCancellationTest {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final DeadlineCancellation cancellation = new DeadlineCancellation(scheduler);

    @Test
    void deadlineIsCancelledWhenTheSagasTransactionCommits() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        cancellation.cancel("payment-expiry", "s-1");
        verify(scheduler, never()).cancel(any());

        unitOfWork.commit();

        verify(scheduler).cancel(new DbSchedulerDeadlineToken("s-1"));
    }

    @Test
    void deadlineFiringRightNowOrPickedByADeadInstanceDoesNotFailTheCommit() {
        doThrow(new TaskInstanceCurrentlyExecutingException("AxonDeadline", "s-1")).when(scheduler).cancel(any());
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        cancellation.cancel("payment-check", "s-1");

        assertThatCode(unitOfWork::commit).doesNotThrowAnyException();
    }

    @Test
    void deadlinePickedToFireBetweenTheLookUpAndTheDeleteDoesNotFailTheCommit() {
        // db-scheduler reads the execution, the poller picks it (its version moves on), the delete removes nothing
        Execution picked = new Execution(Instant.now(), new TaskInstance<>("AxonDeadline", "s-1"));
        doThrow(new ExecutionException("Expected one execution to be removed, but removed 0.", picked))
                .when(scheduler).cancel(any());
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        cancellation.cancel("payment-check", "s-1");

        assertThatCode(unitOfWork::commit).doesNotThrowAnyException();
    }

    @Test
    void deadlineThatAlreadyFiredIsNoFailureEither() {
        doThrow(new TaskInstanceNotFoundException("AxonDeadline", "s-1")).when(scheduler).cancel(any());

        assertThatCode(() -> cancellation.cancel("refund-retry", "s-1")).doesNotThrowAnyException();
    }
}
