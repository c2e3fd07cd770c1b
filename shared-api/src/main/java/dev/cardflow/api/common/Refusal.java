package dev.cardflow.api.common;

/**
 * Why a command was refused, in a form that survives the trip between services: the detail of a
 * {@link DomainRefusal}, and what the web layer turns into a problem+json answer.
 *
 * @param kind   which class of answer the refusal deserves
 * @param code   a stable, kebab-case name of the refusal (the problem {@code type})
 * @param detail a sentence for the human who sent the command
 * @param field  the field of the command that was wrong, or {@code null} when the refusal is about
 *               the whole command (refusals stored before fields existed read as {@code null})
 */
public record Refusal(Kind kind, String code, String detail, String field) {

    public Refusal(Kind kind, String code, String detail) {
        this(kind, code, detail, null);
    }

    /** The classes of refusal, each with its HTTP status. */
    public enum Kind {
        INVALID(400), NOT_FOUND(404), CONFLICT(409), TOO_MANY(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
