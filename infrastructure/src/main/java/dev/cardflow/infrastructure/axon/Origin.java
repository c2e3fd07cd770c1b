package dev.cardflow.infrastructure.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who or what caused a command — a buyer, the PSP, the fulfilment, an operator (with the reason
 * given) — carried in its metadata and copied onto the events the command produces. It is copied
 * from commands only: the saga's own commands name the saga, not the operator whose event it
 * followed. Axon's own {@code correlationId} (the causing message) and {@code traceId} (the first
 * message of the chain) travel alongside.
 */
public final class Origin implements CorrelationDataProvider {

    public static final String ORIGIN = "origin";
    public static final String OPERATOR = "operator";
    public static final String REASON = "operatorReason";
    /** The pseudonymous key of the client that placed an order (for the unpaid-order cap). */
    public static final String CLIENT = "clientKey";

    public static final String BUYER = "buyer";
    public static final String PSP_NOTIFICATION = "psp-notification";
    public static final String PSP_STATUS_CHECK = "psp-status-check";
    public static final String FULFILMENT = "fulfilment";
    public static final String OPERATOR_ACTION = "operator";
    /** The buyer-notifications processor recording a mail to the buyer. */
    public static final String NOTIFICATION = "notification";

    private static final Set<String> KEYS = Set.of(ORIGIN, OPERATOR, REASON, CLIENT);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> copied = new HashMap<>();
        message.getMetaData().forEach((key, value) -> {
            if (KEYS.contains(key)) {
                copied.put(key, value);
            }
        });
        return copied;
    }

    /** {@code command} sent by {@code origin}. */
    public static CommandMessage<?> from(String origin, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(ORIGIN, origin));
    }

    /** {@code command} sent by a buyer, known by {@code clientKey}. */
    public static CommandMessage<?> byBuyer(String clientKey, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(ORIGIN, BUYER, CLIENT, clientKey));
    }

    /** {@code command} sent by the operator {@code operator}, for {@code reason}. */
    public static CommandMessage<?> byOperator(String operator, String reason, Object command) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(ORIGIN, OPERATOR_ACTION);
        meta.put(OPERATOR, operator);
        if (reason != null && !reason.isBlank()) {
            meta.put(REASON, reason);
        }
        return GenericCommandMessage.asCommandMessage(command).andMetaData(meta);
    }
}
