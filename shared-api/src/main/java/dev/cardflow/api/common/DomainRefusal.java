package dev.cardflow.api.common;

import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/**
 * The base of every refusal a command handler gives. It is a {@link CommandExecutionException}
 * whose details carry the {@link Refusal}, so a refusal reads the same whether the handler ran in
 * this JVM or behind Axon Server.
 */
public abstract class DomainRefusal extends CommandExecutionException {

    protected DomainRefusal(Refusal.Kind kind, String code, String detail) {
        this(new Refusal(kind, code, detail));
    }

    protected DomainRefusal(Refusal refusal) {
        super(refusal.detail(), null, refusal, false);
    }

    public Refusal refusal() {
        return this.<Refusal>getDetails().orElseThrow();
    }

    /**
     * The refusal {@code failure} stands for, if it is one. Behind Axon Server a refusal comes back
     * as a plain {@link CommandExecutionException} (not our subclass) with the {@link Refusal} in its
     * details, possibly wrapped; anything else — a bug, a timeout — is no refusal.
     */
    public static Optional<Refusal> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommandExecutionException execution) {
                Optional<Refusal> refusal = execution.getDetails()
                        .filter(Refusal.class::isInstance).map(Refusal.class::cast);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }
}
