package dev.cardflow.api.common;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * The base of every refusal a command handler gives. It is a {@link CommandExecutionException}
 * whose details carry the {@link Refusal}, so a refusal reads the same whether the handler ran in
 * this JVM or behind Axon Server.
 */
public abstract class DomainRefusal extends CommandExecutionException {

    protected DomainRefusal(Refusal.Kind kind, String code, String detail) {
        super(detail, null, new Refusal(kind, code, detail), false);
    }

    public Refusal refusal() {
        return this.<Refusal>getDetails().orElseThrow();
    }
}
