package dev.cardflow.infrastructure.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Carries the W3C trace context through Axon: a message sent while a span is current gets that span's
 * {@code traceparent} in its metadata (commands, events, deadlines), and handling a message that carries
 * one is a span of its own, a child of the sender's — so one trace runs from a request through the
 * commands, the events and every handler of them (aggregate, saga, projection) to the saga's outbound
 * calls. Messages without a {@code traceparent} (stored before tracing, or sent outside any trace) are
 * handled without a span, and so are events a processor replays.
 *
 * <p>A message created while a handler runs (an aggregate's event, a saga's command or deadline) takes the
 * {@code traceparent} of the handler's span as correlation data, when it is created: Axon applies dispatch
 * interceptors to events only when their unit of work commits, after the handler's span has ended. A
 * message sent outside any handler (a request's command) gets it from the dispatch interceptor.
 */
public class AxonTracing implements MessageDispatchInterceptor<Message<?>>, CorrelationDataProvider {

    /** The name of the handling observations (a timer, and the spans' name prefix). */
    public static final String OBSERVATION = "cardflow.message.handling";

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public AxonTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            if (message.getMetaData().containsKey(TraceParent.KEY)) {
                return message;
            }
            Map<String, String> context = current();
            return context.isEmpty() ? message : message.andMetaData(context);
        };
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return current();
    }

    /**
     * The current span's {@code traceparent} (and {@code tracestate}, if any); empty outside any span. A message
     * sent later, from another thread, carries the trace when this is put in its metadata.
     */
    public Map<String, String> current() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return Map.of();
        }
        Map<String, String> context = new HashMap<>(2);
        propagator.inject(current.context(), context, Map::put);
        return context;
    }

    /** The handler interceptor of {@code handler}: {@code command}, {@code deadline} or a processing group. */
    public MessageHandlerInterceptor<Message<?>> handling(String handler) {
        return new Handling(handler);
    }

    private final class Handling implements MessageHandlerInterceptor<Message<?>> {

        private final String handler;

        private Handling(String handler) {
            this.handler = handler;
        }

        @Override
        public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Message<?> message = unitOfWork.getMessage();
            if (!message.getMetaData().containsKey(TraceParent.KEY) || replayed(message)) {
                return chain.proceed();
            }
            ReceiverContext<MetaData> context = new ReceiverContext<>((metaData, key) -> {
                Object value = metaData.get(key);
                return value == null ? null : value.toString();
            });
            context.setCarrier(message.getMetaData());
            String what = what(message);
            Observation observation = Observation.createNotStarted(OBSERVATION, () -> context, observations)
                    .contextualName(handler + " " + what)
                    .lowCardinalityKeyValues(KeyValues.of("handler", handler))
                    .highCardinalityKeyValue("axon.message.name", what)
                    .highCardinalityKeyValue("axon.message.id", message.getIdentifier())
                    .start();
            try (Observation.Scope ignored = observation.openScope()) {
                return chain.proceed();
            } catch (Exception | Error e) {
                observation.error(e);
                throw e;
            } finally {
                observation.stop();
            }
        }
    }

    private static boolean replayed(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && ReplayToken.isReplay(tracked.trackingToken());
    }

    private static String what(Message<?> message) {
        if (message instanceof DeadlineMessage<?> deadline) {
            return deadline.getDeadlineName();
        }
        return message.getPayloadType().getSimpleName();
    }
}
