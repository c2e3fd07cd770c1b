package dev.cardflow.infrastructure.alert;

import dev.cardflow.infrastructure.runtime.PeriodicWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends stored alerts to their channels on a thread of its own: at once when an alert is raised, and every
 * {@code poll-interval} for those whose retry is due. A channel that fails is tried again after a doubling wait and
 * given up after {@code max-attempts}; each try's outcome is stored. It also runs the {@link AlertCheck}s every
 * {@code check-interval}.
 */
public class AlertDelivery extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    private static final int BATCH = 20;

    private final AlertStore store;
    private final Map<String, AlertChannel> channels;
    private final List<String> channelOrder;
    private final AlertProperties properties;
    private final List<AlertCheck> checks;
    private final Duration lease;
    private final Round delivery;
    private volatile Alerts alerts;

    public AlertDelivery(AlertStore store, List<AlertChannel> channels, AlertProperties properties,
                         List<AlertCheck> checks) {
        super("operator-alerts");
        this.store = store;
        this.channels = channels.stream().collect(Collectors.toMap(AlertChannel::name, Function.identity()));
        this.channelOrder = channels.stream().map(AlertChannel::name).toList();
        this.properties = properties;
        this.checks = List.copyOf(checks);
        // a claimed delivery whose instance died is tried again after this
        Duration twice = properties.timeout().multipliedBy(2);
        this.lease = twice.compareTo(Duration.ofMinutes(1)) > 0 ? twice : Duration.ofMinutes(1);
        this.delivery = new Round("Delivering alerts", this::deliverDue, Duration.ZERO, properties.pollInterval());
    }

    @Override
    protected List<Round> rounds() {
        return List.of(delivery,
                new Round("Checking for alerts", this::checkOnce, properties.checkInterval(), properties.checkInterval()));
    }

    /** The configured channels' names, in the order they were configured. */
    List<String> channelNames() {
        return List.copyOf(channelOrder);
    }

    /** The alerts the checks raise through (set once wired; the two need each other). */
    void alerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Looks for due deliveries now (the alert just raised), without waiting for it. */
    public void wake() {
        runNow(delivery);
    }

    /** One round: every due delivery once. */
    void deliverDue() {
        List<AlertStore.Due> due;
        while (!(due = store.claim(BATCH, lease)).isEmpty()) {
            due.forEach(this::deliver);
        }
    }

    private void deliver(AlertStore.Due due) {
        Alert alert = due.alert();
        AlertChannel channel = channels.get(due.channel());
        if (channel == null) {
            store.failed(alert.id(), due.channel(), "channel no longer configured", Optional.empty());
            return;
        }
        try {
            channel.send(alert);
            store.sent(alert.id(), due.channel());
            log.info("Alert {} ({} about {}) sent by {}", alert.id(), alert.kind(), alert.subject(), due.channel());
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean giveUp = due.attempt() >= properties.maxAttempts();
            Optional<Duration> retryIn = giveUp ? Optional.empty() : Optional.of(properties.backoff(due.attempt()));
            store.failed(alert.id(), due.channel(), error, retryIn);
            if (giveUp) {
                log.error("Alert {} ({} about {}) not sent by {} after {} tries, given up: {}", alert.id(),
                        alert.kind(), alert.subject(), due.channel(), due.attempt(), error);
            } else {
                log.warn("Alert {} ({} about {}) not sent by {} (try {}), again in {}: {}", alert.id(), alert.kind(),
                        alert.subject(), due.channel(), due.attempt(), retryIn.get(), error);
            }
        }
    }

    /** Every check once; one that fails does not stop the others. */
    void checkOnce() {
        Alerts raising = alerts;
        if (raising == null) {
            return;
        }
        for (AlertCheck check : checks) {
            try {
                check.check(raising);
            } catch (RuntimeException e) {
                log.warn("Alert check {} failed: {}", check.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
