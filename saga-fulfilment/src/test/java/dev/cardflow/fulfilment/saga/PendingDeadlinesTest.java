package dev.cardflow.fulfilment.saga;

import dev.cardflow.fulfilment.process.DeadlineSignal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static dev.cardflow.fulfilment.process.DeadlineSignal.PAYMENT_CHECK;
import static dev.cardflow.fulfilment.process.DeadlineSignal.PAYMENT_CREATION_RETRY;
import static dev.cardflow.fulfilment.process.DeadlineSignal.PAYMENT_EXPIRY;
import static org.assertj.core.api.Assertions.assertThat;

class PendingDeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final PendingDeadlines pending = new PendingDeadlines();

    @Test
    void signalsDueAreTakenEarliestFirstAndLaterOnesLeft() {
        pending.schedule(PAYMENT_EXPIRY, T0.plusSeconds(900));
        pending.schedule(PAYMENT_CHECK, T0.plusSeconds(10));
        pending.schedule(PAYMENT_CREATION_RETRY, T0.plusSeconds(5));
        Set<DeadlineSignal> none = EnumSet.noneOf(DeadlineSignal.class);

        assertThat(pending.takeDue(T0.plusSeconds(60), none)).contains(PAYMENT_CREATION_RETRY);
        assertThat(pending.takeDue(T0.plusSeconds(60), none)).contains(PAYMENT_CHECK);
        assertThat(pending.takeDue(T0.plusSeconds(60), none)).isEmpty();
        assertThat(pending.earliest()).contains(T0.plusSeconds(900));
    }

    @Test
    void signalTakenOnceAtAWakeUpWaitsForTheNextEvenIfScheduledAgainForNow() {
        pending.schedule(PAYMENT_CHECK, T0);
        Set<DeadlineSignal> taken = EnumSet.noneOf(DeadlineSignal.class);
        pending.takeDue(T0, taken).ifPresent(taken::add);

        pending.schedule(PAYMENT_CHECK, T0);

        assertThat(pending.takeDue(T0, taken)).isEmpty();
        assertThat(pending.earliest()).contains(T0);
    }

    @Test
    void onlyTheCurrentAlarmIsGoneWhenItRings() {
        pending.alarmSet(new PendingDeadlines.Alarm("s-2", T0, pending.nextAlarmNumber()));

        assertThat(pending.rang(7L)).isFalse();
        assertThat(pending.alarm()).isNotNull();
        assertThat(pending.rang(1L)).isTrue();
        assertThat(pending.alarm()).isNull();
    }
}
