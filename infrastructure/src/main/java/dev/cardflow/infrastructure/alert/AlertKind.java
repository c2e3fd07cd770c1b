package dev.cardflow.infrastructure.alert;

import java.util.Arrays;
import java.util.Optional;

/** What an operator is told about, with how urgent it is; {@link #code()} is the name in the API, the channels and the metric. */
public enum AlertKind {
    /** An order sat in one status longer than its threshold ({@code cardflow.stuck.*}). */
    ORDER_STUCK("order-stuck", Severity.WARNING),
    /** The platform started returning a paid order's money on its own (not an operator's refund). */
    ORDER_REFUNDED("order-refunded", Severity.WARNING),
    /** The provider did not refund within the retry budget: the money must be returned by hand. */
    REFUND_FAILED("refund-failed", Severity.CRITICAL),
    /** A circuit breaker to the PSP, a supplier or the mailer opened. */
    CIRCUIT_OPEN("circuit-open", Severity.CRITICAL),
    /** An authentic provider notification matched no order's payment. */
    UNMATCHED_PAYMENT("unmatched-payment", Severity.WARNING),
    /** A product's available keys fell to its threshold. */
    LOW_STOCK("low-stock", Severity.WARNING),
    /** A processor parked events in its dead-letter queue. */
    DEAD_LETTER("dead-letter", Severity.CRITICAL);

    /** How urgent an alert is. */
    public enum Severity {
        WARNING, CRITICAL;

        public String code() {
            return name().toLowerCase();
        }
    }

    private final String code;
    private final Severity severity;

    AlertKind(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public static Optional<AlertKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
