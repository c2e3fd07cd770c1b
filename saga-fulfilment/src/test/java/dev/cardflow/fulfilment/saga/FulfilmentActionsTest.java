package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.process.DeadlineSignal;
import dev.cardflow.fulfilment.process.Decision;
import dev.cardflow.fulfilment.process.Decision.Schedule;
import dev.cardflow.fulfilment.process.Decision.Unschedule;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentTimings;
import dev.cardflow.fulfilment.process.OrderSoFar;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static dev.cardflow.fulfilment.process.DeadlineSignal.PAYMENT_CHECK;
import static dev.cardflow.fulfilment.process.DeadlineSignal.PAYMENT_CREATION_RETRY;
import static dev.cardflow.fulfilment.process.DeadlineSignal.PAYMENT_EXPIRY;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** How the saga takes an aggregate's answer to its commands, and keeps its deadlines with one alarm. */
class FulfilmentActionsTest {

    private static final List<Decision> CANCEL =
            List.of(new Decision.CancelUnpaid(new CancelUnpaidOrder("o-1", "payment not received in time")));
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String WAKE_UP = PendingDeadlines.WAKE_UP;

    private final CommandGateway commands = mock(CommandGateway.class);
    private final FulfilmentActions actions = new FulfilmentActions(
            new FulfilmentProcess(FulfilmentTimings.defaults()), id -> OrderSoFar.UNKNOWN, commands,
            new PaymentGateways(Map.of()), null, Runnable::run, Clock.systemUTC());

    @SuppressWarnings("unchecked")
    private final BiConsumer<String, String> cancel = mock(BiConsumer.class);
    private final FulfilmentActions.Rescheduling reschedule = mock(FulfilmentActions.Rescheduling.class);
    private final DeadlineManager deadlines = mock(DeadlineManager.class);
    private final FulfilmentActions scheduling = new FulfilmentActions(
            new FulfilmentProcess(FulfilmentTimings.defaults()), id -> OrderSoFar.UNKNOWN, commands,
            new PaymentGateways(Map.of()), null, Runnable::run, Clock.systemUTC(), cancel, reschedule);
    private final PendingDeadlines pending = new PendingDeadlines();

    @Test
    void aRefusalThatCameFromAnotherServiceIsTakenAsARefusal() {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("order o-1 cannot be cancelled",
                null, new Refusal(Refusal.Kind.CONFLICT, "order-refused", "order o-1 cannot be cancelled")));

        assertThatCode(() -> actions.execute(CANCEL, new PendingDeadlines(), new HashMap<>(), mock(DeadlineManager.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailureThatIsNoRefusalFailsTheSagasStep() {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("database down", null, null));

        assertThatThrownBy(() -> actions.execute(CANCEL, new PendingDeadlines(), new HashMap<>(), mock(DeadlineManager.class)))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessage("database down");
    }

    // the alarm

    @Test
    void firstDeadlineSetsTheAlarm() {
        when(deadlines.schedule(T0.plusSeconds(900), WAKE_UP, 1L)).thenReturn("s-1");

        take(new Schedule(PAYMENT_EXPIRY, T0.plusSeconds(900)));

        assertThat(pending.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-1", T0.plusSeconds(900), 1));
    }

    @Test
    void alarmIsMovedInPlaceForAnEarlierDeadline() {
        alarmSetFor(PAYMENT_EXPIRY, T0.plusSeconds(900));
        when(reschedule.reschedule(WAKE_UP, "s-1", T0.plusSeconds(5))).thenReturn(true);

        take(new Schedule(PAYMENT_CREATION_RETRY, T0.plusSeconds(5)));

        assertThat(pending.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-1", T0.plusSeconds(5), 1));
        verifyNoMoreInteractions(deadlines, cancel);
    }

    @Test
    void alarmThatCannotBeMovedIsCancelledAndSetAnew() {
        alarmSetFor(PAYMENT_EXPIRY, T0.plusSeconds(900));
        when(reschedule.reschedule(WAKE_UP, "s-1", T0.plusSeconds(5))).thenReturn(false);
        when(deadlines.schedule(T0.plusSeconds(5), WAKE_UP, 2L)).thenReturn("s-2");

        take(new Schedule(PAYMENT_CREATION_RETRY, T0.plusSeconds(5)));

        verify(cancel).accept(WAKE_UP, "s-1");
        assertThat(pending.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-2", T0.plusSeconds(5), 2));
    }

    @Test
    void alarmMovesLaterInPlaceWhenTheEarliestDeadlineIsLater() {
        alarmSetFor(PAYMENT_CREATION_RETRY, T0.plusSeconds(5));
        when(reschedule.reschedule(WAKE_UP, "s-1", T0.plusSeconds(10))).thenReturn(true);

        take(new Unschedule(PAYMENT_CREATION_RETRY), new Schedule(PAYMENT_CHECK, T0.plusSeconds(10)),
                new Schedule(PAYMENT_EXPIRY, T0.plusSeconds(900)));

        assertThat(pending.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-1", T0.plusSeconds(10), 1));
        verifyNoMoreInteractions(deadlines, cancel);
    }

    @Test
    void alarmIsLeftAloneWhenTheEarliestDeadlineStaysTheSame() {
        alarmSetFor(PAYMENT_CHECK, T0.plusSeconds(10));

        take(new Schedule(PAYMENT_EXPIRY, T0.plusSeconds(900)));

        assertThat(pending.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-1", T0.plusSeconds(10), 1));
        verifyNoMoreInteractions(deadlines, cancel, reschedule);
    }

    @Test
    void alarmIsCancelledWhenNoDeadlineIsLeft() {
        alarmSetFor(PAYMENT_CHECK, T0.plusSeconds(10));

        take(new Unschedule(PAYMENT_CHECK));

        verify(cancel).accept(WAKE_UP, "s-1");
        assertThat(pending.alarm()).isNull();
        verifyNoMoreInteractions(deadlines, reschedule);
    }

    @Test
    void deadlineStoredOnItsOwnByAnOlderSagaIsCancelledWhenUnscheduledOrScheduledAgain() {
        Map<String, String> legacy = new HashMap<>(Map.of(PAYMENT_EXPIRY.deadlineName(), "old-1",
                PAYMENT_CHECK.deadlineName(), "old-2"));
        when(deadlines.schedule(T0.plusSeconds(20), WAKE_UP, 1L)).thenReturn("s-1");

        scheduling.execute(List.of(new Unschedule(PAYMENT_EXPIRY), new Schedule(PAYMENT_CHECK, T0.plusSeconds(20))),
                pending, legacy, deadlines);
        scheduling.setAlarm(pending, deadlines);

        verify(cancel).accept(PAYMENT_EXPIRY.deadlineName(), "old-1");
        verify(cancel).accept(PAYMENT_CHECK.deadlineName(), "old-2");
        assertThat(legacy).isEmpty();
        assertThat(pending.alarm()).isEqualTo(new PendingDeadlines.Alarm("s-1", T0.plusSeconds(20), 1));
    }

    private void alarmSetFor(DeadlineSignal signal, Instant at) {
        when(deadlines.schedule(at, WAKE_UP, 1L)).thenReturn("s-1");
        take(new Schedule(signal, at));
        clearInvocations(deadlines, cancel, reschedule);
    }

    private void take(Decision... decisions) {
        scheduling.execute(List.of(decisions), pending, new HashMap<>(), deadlines);
        scheduling.setAlarm(pending, deadlines);
    }
}
