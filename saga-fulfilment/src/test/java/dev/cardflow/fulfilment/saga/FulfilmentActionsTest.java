package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.order.CancelUnpaidOrder;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.process.Decision;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.process.FulfilmentTimings;
import dev.cardflow.fulfilment.process.OrderSoFar;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** How the saga takes an aggregate's answer to its commands. */
class FulfilmentActionsTest {

    private static final List<Decision> CANCEL =
            List.of(new Decision.CancelUnpaid(new CancelUnpaidOrder("o-1", "payment not received in time")));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final FulfilmentActions actions = new FulfilmentActions(
            new FulfilmentProcess(FulfilmentTimings.defaults()), id -> OrderSoFar.UNKNOWN, commands,
            new PaymentGateways(Map.of()), null, Runnable::run, Clock.systemUTC());

    @Test
    void aRefusalThatCameFromAnotherServiceIsTakenAsARefusal() {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("order o-1 cannot be cancelled",
                null, new Refusal(Refusal.Kind.CONFLICT, "order-refused", "order o-1 cannot be cancelled")));

        assertThatCode(() -> actions.execute(CANCEL, new HashMap<>(), mock(DeadlineManager.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailureThatIsNoRefusalFailsTheSagasStep() {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("database down", null, null));

        assertThatThrownBy(() -> actions.execute(CANCEL, new HashMap<>(), mock(DeadlineManager.class)))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessage("database down");
    }
}
