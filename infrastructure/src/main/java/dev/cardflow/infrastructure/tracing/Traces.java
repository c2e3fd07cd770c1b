package dev.cardflow.infrastructure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/** The W3C trace an HTTP request is part of, where Spring Boot's tracing made it a span. */
public final class Traces {

    private static final boolean TRACING_PRESENT = ClassUtils.isPresent(
            "io.micrometer.tracing.handler.TracingObservationHandler", Traces.class.getClassLoader());

    private Traces() {
    }

    /** The trace id of {@code exchange}'s server span, or {@code null} when it has none (tracing off). */
    public static String traceIdOf(ServerWebExchange exchange) {
        if (!TRACING_PRESENT) {
            return null;
        }
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(Traces::traceIdOf)
                .orElse(null);
    }

    private static String traceIdOf(Observation.ContextView context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        String traceId = span.context().traceId();
        return traceId == null || traceId.isBlank() ? null : traceId;
    }
}
