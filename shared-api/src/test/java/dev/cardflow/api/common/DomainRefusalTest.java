package dev.cardflow.api.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRefusalTest {

    @Test
    void aRefusalThatCameBackThroughAxonServerIsStillARefusal() {
        // behind Axon Server the handler's exception type is lost; only message and details travel
        Refusal sent = new Refusal(Refusal.Kind.CONFLICT, "order-status-conflict", "Order o is PAID.");
        var remote = new CommandExecutionException("Order o is PAID.", null, sent);

        assertThat(DomainRefusal.of(new CompletionException(remote))).contains(sent);
    }

    @Test
    void anInvalidCommandNamesItsFieldAndIsABadRequest() {
        Refusal refusal = DomainRefusal.of(new InvalidCommand("invalid-email", "email", "not an address")).orElseThrow();

        assertThat(refusal.field()).isEqualTo("email");
        assertThat(refusal.kind().status()).isEqualTo(400);
        assertThat(refusal.code()).isEqualTo("invalid-email");
    }

    @Test
    void aBugIsNoRefusal() {
        assertThat(DomainRefusal.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(DomainRefusal.of(new CommandExecutionException("a bug far away", new IllegalArgumentException())))
                .isEmpty();
    }
}
