package dev.cardflow.fulfilment.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the recent state transitions of every circuit breaker (the PSP's, each supplier's) and logs
 * them, so an operator sees when the platform failed over to the backup supplier and when it
 * came back. The same states are exported as the {@code resilience4j_circuitbreaker_state} metric.
 */
public class BreakerWatch {

    private static final Logger log = LoggerFactory.getLogger(BreakerWatch.class);
    private static final int KEPT = 50;

    /** One change of a breaker's state. */
    public record Transition(String from, String to, Instant at) {
    }

    /** A breaker as operators see it. */
    public record BreakerState(String name, String state, float failureRate, float slowCallRate, int bufferedCalls,
                               int failedCalls, long notPermittedCalls, List<Transition> transitions) {
    }

    private final CircuitBreakerRegistry registry;
    private final Map<String, Deque<Transition>> transitions = new ConcurrentHashMap<>();

    public BreakerWatch(CircuitBreakerRegistry registry) {
        this.registry = registry;
        registry.getAllCircuitBreakers().forEach(this::watch);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(this::record);
    }

    private void record(CircuitBreakerOnStateTransitionEvent event) {
        var transition = event.getStateTransition();
        log.warn("Circuit breaker {}: {} -> {}", event.getCircuitBreakerName(), transition.getFromState(),
                transition.getToState());
        Deque<Transition> kept = transitions.computeIfAbsent(event.getCircuitBreakerName(), n -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(new Transition(transition.getFromState().name(), transition.getToState().name(),
                    event.getCreationTime().toInstant()));
            while (kept.size() > KEPT) {
                kept.removeFirst();
            }
        }
    }

    public List<BreakerState> states() {
        return registry.getAllCircuitBreakers().stream()
                .sorted(Comparator.comparing(CircuitBreaker::getName))
                .map(breaker -> {
                    var metrics = breaker.getMetrics();
                    Deque<Transition> kept = transitions.getOrDefault(breaker.getName(), new ArrayDeque<>());
                    List<Transition> copy;
                    synchronized (kept) {
                        copy = List.copyOf(kept);
                    }
                    return new BreakerState(breaker.getName(), breaker.getState().name(), metrics.getFailureRate(),
                            metrics.getSlowCallRate(), metrics.getNumberOfBufferedCalls(),
                            metrics.getNumberOfFailedCalls(), metrics.getNumberOfNotPermittedCalls(), copy);
                })
                .toList();
    }
}
