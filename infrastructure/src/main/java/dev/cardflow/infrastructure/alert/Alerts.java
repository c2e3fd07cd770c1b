package dev.cardflow.infrastructure.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raises operator alerts: stores one per kind and subject per quiet period, counts it in
 * {@code cardflow_alerts_total{kind}}, and hands it to {@link AlertDelivery}, which sends it to every configured
 * channel in the background. Raising never throws and never waits for a channel: an alert must not slow or fail
 * the order it is about.
 */
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertStore store;
    private final AlertProperties properties;
    private final List<String> channels;
    private final Runnable wake;
    private final Map<AlertKind, Counter> raised = new EnumMap<>(AlertKind.class);

    /**
     * @param channels the names of the configured channels
     * @param wake     asks the delivery to look for due alerts now
     */
    public Alerts(AlertStore store, AlertProperties properties, List<String> channels, Runnable wake,
                  MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.channels = List.copyOf(channels);
        this.wake = wake;
        for (AlertKind kind : AlertKind.values()) {
            raised.put(kind, Counter.builder("cardflow.alerts")
                    .description("Operator alerts raised (repeats within the quiet period not counted)")
                    .tag("kind", kind.code())
                    .register(meters));
        }
    }

    /**
     * Raises an alert about {@code subject} (an order id, a breaker's name, a product id, …) unless one of the same
     * kind and subject was raised within the quiet period.
     *
     * @param link a console path (such as {@code /admin/#order/…}), made absolute with the public URL when known
     * @return whether this made a new alert (false: a repeat within the quiet period, or it could not be stored)
     */
    public boolean raise(AlertKind kind, String subject, String message, String link) {
        try {
            Optional<Alert> alert = store.open(kind, subject, message, absolute(link), properties.quietPeriod(),
                    channels);
            if (alert.isEmpty()) {
                log.debug("Alert {} about {} repeated within its quiet period", kind.code(), subject);
                return false;
            }
            raised.get(kind).increment();
            log.warn("Alert {} ({}) about {}: {}", kind.code(), kind.severity().code(), subject, message);
            if (!channels.isEmpty()) {
                wake.run();
            }
            return true;
        } catch (RuntimeException e) {
            log.error("Alert {} about {} could not be stored ({}): {}", kind.code(), subject, e.toString(), message);
            return false;
        }
    }

    private String absolute(String link) {
        if (link == null || properties.publicUrl().isBlank() || !link.startsWith("/")) {
            return link;
        }
        String base = properties.publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
    }
}
