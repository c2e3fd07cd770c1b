package dev.cardflow.fulfilment.saga;

import dev.cardflow.fulfilment.process.DeadlineSignal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deadlines a saga waits for, kept as data with the saga, and the one stored deadline — the
 * alarm — that wakes it for the earliest. A stored deadline costs a row written and deleted in
 * db-scheduler's table; an order waits for up to three at once, so it keeps one.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class PendingDeadlines {

    /** The name of the alarm's stored deadline; its payload is the alarm's {@link Alarm#number() number}. */
    static final String WAKE_UP = "wake-up";

    /** When each pending signal is due, by its {@link DeadlineSignal#deadlineName() deadline name}. */
    private Map<String, Instant> due = new HashMap<>();
    /** The stored alarm; {@code null} when none is set. */
    private Alarm alarm;
    /** How many alarms the saga has set: numbers the next, so an alarm that fires late is told from the current one. */
    private long alarmsSet;

    /** The stored wake-up: its schedule id, the time it is set for, and its number. */
    record Alarm(String scheduleId, Instant at, long number) {
    }

    void schedule(DeadlineSignal signal, Instant at) {
        due.put(signal.deadlineName(), at);
    }

    void unschedule(DeadlineSignal signal) {
        due.remove(signal.deadlineName());
    }

    /** Forgets every pending signal (the saga ends). */
    void unscheduleAll() {
        due.clear();
    }

    /**
     * Removes and returns the earliest signal due at {@code now} that is not in {@code taken}; a name
     * the fulfilment no longer knows is dropped.
     */
    Optional<DeadlineSignal> takeDue(Instant now, Set<DeadlineSignal> taken) {
        due.keySet().removeIf(name -> DeadlineSignal.named(name).isEmpty());
        Optional<Map.Entry<String, Instant>> next = due.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now))
                .filter(e -> !taken.contains(DeadlineSignal.named(e.getKey()).orElseThrow()))
                .min(Map.Entry.<String, Instant>comparingByValue()
                        .thenComparing(e -> DeadlineSignal.named(e.getKey()).orElseThrow()));
        next.ifPresent(e -> due.remove(e.getKey()));
        return next.map(e -> DeadlineSignal.named(e.getKey()).orElseThrow());
    }

    /** When the earliest pending signal is due; empty when none is. */
    Optional<Instant> earliest() {
        return due.values().stream().min(Comparator.naturalOrder());
    }

    Map<String, Instant> due() {
        return Map.copyOf(due);
    }

    Alarm alarm() {
        return alarm;
    }

    /**
     * An alarm rang, with {@code payload} as its number: if it is the current one, it is gone now
     * (db-scheduler deletes a deadline that fired). Returns whether it was the current one.
     */
    boolean rang(Object payload) {
        boolean current = alarm != null && payload instanceof Number n && n.longValue() == alarm.number();
        if (current) {
            alarm = null;
        }
        return current;
    }

    /** The number of the next alarm to set. */
    long nextAlarmNumber() {
        return ++alarmsSet;
    }

    void alarmSet(Alarm set) {
        alarm = set;
    }

    void alarmMoved(Instant at) {
        alarm = new Alarm(alarm.scheduleId(), at, alarm.number());
    }

    void alarmCancelled() {
        alarm = null;
    }
}
