package dev.cardflow.infrastructure.tracing;

import java.util.regex.Pattern;

/**
 * The W3C trace context header {@code traceparent} ({@code version-traceid-parentid-flags}), which is also the
 * key under which Axon messages carry it in their metadata. Only its trace id names the trace.
 */
public final class TraceParent {

    /** The header, and the metadata key of Axon messages. */
    public static final String KEY = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private TraceParent() {
    }

    /** The 32 hex digits of the trace id in {@code traceparent}, or {@code null} when it is absent or malformed. */
    public static String traceIdOf(Object traceparent) {
        if (traceparent == null) {
            return null;
        }
        var matcher = FORMAT.matcher(traceparent.toString().strip());
        if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE_ID)) {
            return null;
        }
        return matcher.group(1);
    }
}
