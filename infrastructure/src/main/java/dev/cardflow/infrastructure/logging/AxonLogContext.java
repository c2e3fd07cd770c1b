package dev.cardflow.infrastructure.logging;

import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.infrastructure.tracing.TraceParent;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Puts the order id and trace id of the message being handled — command, event or deadline — into
 * the MDC for as long as it is handled, and copies them from the MDC into the metadata of messages
 * sent meanwhile (a command from a request, a saga's command or deadline), so the chain keeps its
 * trace id and a deadline knows its order.
 */
public class AxonLogContext implements MessageHandlerInterceptor<Message<?>>, MessageDispatchInterceptor<Message<?>> {

    /** Commands name their order by an {@code orderId} record component; found once per class. */
    private static final ClassValue<Optional<Method>> ORDER_ID_ACCESSOR = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(LogContext.ORDER_ID) && component.getType() == String.class) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        }
    };

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Map<String, String> fields = new HashMap<>();
        fields.put(LogContext.ORDER_ID, orderIdOf(message));
        fields.put(LogContext.TRACE_ID, traceIdOf(message));
        return LogContext.call(fields, chain::proceed);
    }

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            Map<String, Object> added = new HashMap<>();
            addTraceId(message, added);
            String orderId = MDC.get(LogContext.ORDER_ID);
            // a deadline has no order in its payload: it keeps the one its saga was handling
            if (message instanceof DeadlineMessage<?> && orderId != null
                    && !message.getMetaData().containsKey(LogContext.ORDER_ID)) {
                added.put(LogContext.ORDER_ID, orderId);
            }
            return added.isEmpty() ? message : message.andMetaData(added);
        };
    }

    /**
     * {@code message} with the trace id of the MDC (the request's) in its metadata, as if it were sent now: for a
     * message kept to be sent later, from another thread.
     */
    public static <M extends Message<?>> M withTraceId(M message) {
        Map<String, Object> added = new HashMap<>(1);
        addTraceId(message, added);
        @SuppressWarnings("unchecked")
        M traced = added.isEmpty() ? message : (M) message.andMetaData(added);
        return traced;
    }

    private static void addTraceId(Message<?> message, Map<String, Object> added) {
        String traceId = MDC.get(LogContext.TRACE_ID);
        if (traceId != null && !message.getMetaData().containsKey(LogContext.TRACE_ID)) {
            added.put(LogContext.TRACE_ID, traceId);
        }
    }

    /** The W3C trace id of {@code message}'s {@code traceparent}, else the trace id its chain started with. */
    static String traceIdOf(Message<?> message) {
        String w3c = TraceParent.traceIdOf(message.getMetaData().get(TraceParent.KEY));
        return w3c != null ? w3c : text(message.getMetaData().get(LogContext.TRACE_ID));
    }

    /** The order {@code message} is about, if it names one. */
    static String orderIdOf(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof OrderMessage about) {
            return about.orderId();
        }
        if (payload != null) {
            Optional<Method> accessor = ORDER_ID_ACCESSOR.get(payload.getClass());
            if (accessor.isPresent()) {
                try {
                    return (String) accessor.get().invoke(payload);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return text(message.getMetaData().get(LogContext.ORDER_ID));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
