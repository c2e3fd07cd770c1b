package dev.cardflow.infrastructure.logging;

import dev.cardflow.infrastructure.tracing.TraceParent;
import dev.cardflow.infrastructure.tracing.Traces;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every HTTP request a trace id ({@code traceparent}, else the W3C trace of its server span when
 * tracing is on, else {@code X-Request-Id} or a new one), kept as
 * an exchange attribute and in the Reactor context: blocking work ({@code Blocking}) and the error
 * answers put it into the MDC, and commands sent from there carry it on in their metadata.
 */
public class RequestTraceFilter implements WebFilter, Ordered {

    /** The exchange attribute holding the request's trace id. */
    public static final String ATTRIBUTE = RequestTraceFilter.class.getName() + ".traceId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        String traceId = LogContext.traceIdOf(headers.getFirst(TraceParent.KEY), Traces.traceIdOf(exchange),
                headers.getFirst("X-Request-Id"));
        exchange.getAttributes().put(ATTRIBUTE, traceId);
        return chain.filter(exchange).contextWrite(context -> context.put(LogContext.TRACE_ID, traceId));
    }

    /** The trace id of {@code exchange}, or {@code null} when the filter did not see it. */
    public static String traceIdOf(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public int getOrder() {
        // before security and body limits, so their refusals carry the trace id too
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
