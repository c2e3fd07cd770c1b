package dev.cardflow.infrastructure.logging;

import org.slf4j.MDC;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The MDC fields every log line about an order carries: {@code orderId} and {@code traceId} (the
 * request or message chain it belongs to). The log pattern prints them; Axon's {@code traceId}
 * metadata carries the trace id from message to message.
 */
public final class LogContext {

    public static final String ORDER_ID = "orderId";
    public static final String TRACE_ID = "traceId";

    // W3C trace context: version-traceid-parentid-flags; only the trace id names the chain
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private LogContext() {
    }

    /**
     * The trace id of a request: the trace id of its {@code traceparent}, else its {@code X-Request-Id},
     * else a new one. A header that does not look like an id is ignored (it would end up in the logs).
     */
    public static String traceIdOf(String traceparent, String requestId) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.strip());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return matcher.group(1);
            }
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
