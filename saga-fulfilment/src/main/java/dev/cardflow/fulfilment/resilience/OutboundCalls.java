package dev.cardflow.fulfilment.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import reactor.core.publisher.Mono;

/**
 * Every call to the outside world goes through here: its own timeout, then its circuit breaker,
 * then its retry budget (exponential backoff with jitter) — all Resilience4j instances named
 * after the callee and configured under {@code resilience4j.*.instances.<name>}.
 */
public class OutboundCalls {

    private final TimeLimiterRegistry timeLimiters;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;

    public OutboundCalls(TimeLimiterRegistry timeLimiters, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.timeLimiters = timeLimiters;
        this.breakers = breakers;
        this.retries = retries;
    }

    /**
     * {@code call} (which must make a fresh request per subscription) under the policies named {@code name}.
     * The observation current when it is subscribed (a handler's span) travels in the Reactor context, so
     * every attempt, retries included, is a child span of it and sends its {@code traceparent}.
     */
    public <T> Mono<T> guard(String name, Mono<T> call) {
        return call
                .transformDeferred(TimeLimiterOperator.of(timeLimiters.timeLimiter(name)))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(name)))
                .transformDeferred(RetryOperator.of(retries.retry(name)))
                .contextCapture();
    }
}
