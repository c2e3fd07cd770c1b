package dev.cardflow.infrastructure.logging;

import dev.cardflow.api.order.OrderMessage;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AxonLogContextTest {

    /** A command naming its order the way cardflow's commands do. */
    record DeliverOrder(String orderId) {
    }

    /** An event about an order. */
    record OrderDelivered(String orderId) implements OrderMessage {
    }

    private final AxonLogContext logContext = new AxonLogContext();
    private final Logger handlerLog = (Logger) LoggerFactory.getLogger("dev.cardflow.test.Handler");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureLines() {
        lines.start();
        handlerLog.addAppender(lines);
    }

    @AfterEach
    void stopCapturing() {
        handlerLog.detachAppender(lines);
        MDC.clear();
    }

    private Map<String, String> fieldsOfTheLine(String message) {
        return lines.list.stream().filter(line -> line.getFormattedMessage().equals(message)).findFirst()
                .orElseThrow().getMDCPropertyMap();
    }

    @Test
    void aCommandSentFromARequestIsHandledWithItsOrderIdAndTheRequestsTraceIdOnEveryLine() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerDispatchInterceptor(logContext);
        bus.registerHandlerInterceptor(logContext);
        AtomicReference<CommandMessage<?>> received = new AtomicReference<>();
        bus.subscribe(DeliverOrder.class.getName(), command -> {
            received.set(command);
            handlerLog.info("delivering");
            return null;
        });
        MDC.put(LogContext.TRACE_ID, "trace-1"); // what Blocking does for a request

        DefaultCommandGateway.builder().commandBus(bus).build().sendAndWait(new DeliverOrder("order-1"));

        assertThat(fieldsOfTheLine("delivering"))
                .containsEntry(LogContext.ORDER_ID, "order-1").containsEntry(LogContext.TRACE_ID, "trace-1");
        assertThat(received.get().getMetaData()).containsEntry(LogContext.TRACE_ID, "trace-1");
        assertThat(MDC.get(LogContext.ORDER_ID)).as("the order id after handling").isNull();
        assertThat(MDC.get(LogContext.TRACE_ID)).as("the caller's own trace id").isEqualTo("trace-1");
    }

    @Test
    void anEventAboutAnOrderIsHandledWithItsOrderIdAndTheTraceIdItCarries() throws Exception {
        Message<?> event = GenericEventMessage.asEventMessage(new OrderDelivered("order-2"))
                .andMetaData(Map.of(LogContext.TRACE_ID, "trace-2"));

        handle(event, "projecting");

        assertThat(fieldsOfTheLine("projecting"))
                .containsEntry(LogContext.ORDER_ID, "order-2").containsEntry(LogContext.TRACE_ID, "trace-2");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void anEventStoredInAW3cTraceIsLoggedWithThatTraceIdNotAxonsTraceIdMetadata() throws Exception {
        Message<?> event = GenericEventMessage.asEventMessage(new OrderDelivered("order-4"))
                .andMetaData(Map.of(LogContext.TRACE_ID, "a-message-id",
                        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        handle(event, "projecting in a trace");

        assertThat(fieldsOfTheLine("projecting in a trace"))
                .containsEntry(LogContext.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aDeadlineScheduledWhileHandlingAnOrderFiresWithThatOrdersIdAndTrace() throws Exception {
        MDC.put(LogContext.ORDER_ID, "order-3");
        MDC.put(LogContext.TRACE_ID, "trace-3");
        Message<?> scheduled = logContext.handle(List.of())
                .apply(0, GenericDeadlineMessage.asDeadlineMessage("payment-expired", null, Instant.now()));
        MDC.clear(); // it fires later, on another thread

        handle(scheduled, "payment expired");

        assertThat(fieldsOfTheLine("payment expired"))
                .containsEntry(LogContext.ORDER_ID, "order-3").containsEntry(LogContext.TRACE_ID, "trace-3");
    }

    @Test
    void aMessageAboutNoOrderLeavesTheOrderIdOut() throws Exception {
        handle(GenericEventMessage.asEventMessage("product registered"), "registering");

        assertThat(fieldsOfTheLine("registering")).doesNotContainKey(LogContext.ORDER_ID);
    }

    private void handle(Message<?> message, String logLine) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.executeWithResult(() -> logContext.handle(unitOfWork, () -> {
            handlerLog.info(logLine);
            return null;
        }));
    }
}
