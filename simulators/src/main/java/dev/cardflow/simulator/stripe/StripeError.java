package dev.cardflow.simulator.stripe;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal in Stripe's shape: {@code {"error":{"type","code"?,"message","param"?}}} with Stripe's status. */
public class StripeError extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String code;
    private final String param;

    public StripeError(HttpStatus status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError invalid(String code, String message, String param) {
        return new StripeError(HttpStatus.BAD_REQUEST, "invalid_request_error", code, message, param);
    }

    static StripeError missing(String param) {
        return invalid("parameter_missing", "Missing required param: " + param + ".", param);
    }

    static StripeError noSuch(String object, String id, String param) {
        return new StripeError(HttpStatus.NOT_FOUND, "invalid_request_error", "resource_missing",
                "No such " + object + ": '" + id + "'", param);
    }

    static StripeError unauthorized() {
        return new StripeError(HttpStatus.UNAUTHORIZED, "invalid_request_error", null, "Invalid API Key provided", null);
    }

    /** This error with another type (e.g. {@code idempotency_error}). */
    StripeError withType(String type) {
        return new StripeError(status, type, code, getMessage(), param);
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        return Map.of("error", error);
    }
}
