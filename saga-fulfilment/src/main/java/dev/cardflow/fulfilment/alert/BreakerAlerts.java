package dev.cardflow.fulfilment.alert;

import dev.cardflow.infrastructure.alert.AlertKind;
import dev.cardflow.infrastructure.alert.Alerts;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Raises {@code circuit-open} when a breaker (the PSP's, a supplier's, the mailer's) opens, named by the breaker.
 * The breaker's listener runs on the thread of the call that tripped it, so the alert is raised on {@code raising}.
 */
public class BreakerAlerts {

    private static final Logger log = LoggerFactory.getLogger(BreakerAlerts.class);

    private final Alerts alerts;
    private final Executor raising;

    public BreakerAlerts(CircuitBreakerRegistry registry, Alerts alerts, Executor raising) {
        this.alerts = alerts;
        this.raising = raising;
        registry.getAllCircuitBreakers().forEach(this::watch);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(this::opened);
    }

    private void opened(CircuitBreakerOnStateTransitionEvent event) {
        if (event.getStateTransition().getToState() != CircuitBreaker.State.OPEN) {
            return;
        }
        String breaker = event.getCircuitBreakerName();
        String message = "The circuit breaker " + breaker + " opened (from "
                + event.getStateTransition().getFromState() + "): calls to it fail fast until it lets a few through "
                + "again. Orders wait, fail over to the backup supplier, or are refunded.";
        try {
            raising.execute(() -> alerts.raise(AlertKind.CIRCUIT_OPEN, breaker, message, "/admin/#system"));
        } catch (RejectedExecutionException e) {
            log.warn("Alert circuit-open about {} not raised: {}", breaker, e.toString());
        }
    }
}
