package dev.cardflow.infrastructure.logging;

import dev.cardflow.infrastructure.tracing.TraceParent;

import org.slf4j.MDC;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The MDC fields every log line about an order carries: {@code orderId} and {@code traceId} (the
 * request or message chain it belongs to: the W3C trace id whenever there is a trace). The log pattern
 * prints them; Axon's {@code traceId} metadata carries the trace id from message to message, next to the
 * {@code traceparent} of the W3C trace context.
 */
public final class LogContext {

    public static final String ORDER_ID = "orderId";
    public static final String TRACE_ID = "traceId";

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private LogContext() {
    }

    /**
     * The trace id of a request: the trace id of its {@code traceparent}, else its {@code X-Request-Id},
     * else a new one. A header that does not look like an id is ignored (it would end up in the logs).
     */
    public static String traceIdOf(String traceparent, String requestId) {
        return traceIdOf(traceparent, null, requestId);
    }

    /**
     * The trace id of a request that may be traced: the trace id of its {@code traceparent}, else that of
     * the W3C trace it is part of ({@code spanTraceId}, when tracing is on), else its {@code X-Request-Id},
     * else a new one.
     */
    public static String traceIdOf(String traceparent, String spanTraceId, String requestId) {
        String w3c = TraceParent.traceIdOf(traceparent);
        if (w3c != null) {
            return w3c;
        }
        if (spanTraceId != null && !spanTraceId.isBlank()) {
            return spanTraceId;
        }
        if (requestId != null && REQUEST_ID.matcher(requestId.strip()).matches()) {
            return requestId.strip();
        }
        return newTraceId();
    }

    public static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Runs {@code work} with {@code fields} (those not null) in the MDC, then puts the MDC back as it was. */
    public static <T> T call(Map<String, String> fields, Callable<T> work) throws Exception {
        Map<String, String> before = MDC.getCopyOfContextMap();
        try {
            fields.forEach((key, value) -> {
                if (value != null) {
                    MDC.put(key, value);
                }
            });
            return work.call();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    /** {@code work} with the trace id (if any) in the MDC. */
    public static <T> T withTrace(String traceId, Callable<T> work) throws Exception {
        return call(traceId == null ? Map.of() : Map.of(TRACE_ID, traceId), work);
    }
}
