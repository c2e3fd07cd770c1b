package dev.cardflow.api.common;

/**
 * A message record refused one of its values: the sender's mistake, never the platform's. Thrown
 * by the records' constructors (through {@link Require}) and answered as a {@code 400} with the
 * field named.
 */
public final class InvalidCommand extends DomainRefusal {

    public static final String INVALID_REQUEST = "invalid-request";

    public InvalidCommand(String code, String field, String detail) {
        super(new Refusal(Refusal.Kind.INVALID, code, detail, field));
    }

    /** {@code field} is wrong in the most general way ({@code invalid-request}). */
    public static InvalidCommand of(String field, String detail) {
        return new InvalidCommand(INVALID_REQUEST, field, detail);
    }
}
