package dev.cardflow.simulator.psp;

import dev.cardflow.simulator.SimulatorProperties;
import dev.cardflow.simulator.chaos.ChaosKnobs;
import dev.cardflow.simulator.outbox.Hmac;
import dev.cardflow.simulator.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The PSP's notifications, sent like a real PSP sends them: signed, from the simulator's outbox,
 * retried with backoff until answered {@code SUCCESS} or until it gives up. Chaos may delay,
 * duplicate or (per payment) drop them.
 */
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    static final String SIGNER = "psp";

    private final Outbox outbox;
    private final ObjectMapper json;

    public Notifications(Outbox outbox, ObjectMapper json, SimulatorProperties properties) {
        this.outbox = outbox;
        this.json = json;
        String secret = properties.webhookSecret();
        outbox.register(SIGNER, (body, now) -> signed(secret, body, now));
    }

    /** Queues the notification of a payment's new status (inside the caller's transaction). */
    void enqueue(Payments.Payment payment, String status, ChaosKnobs chaos) {
        if (payment.dropCallbacks()) {
            log.info("PSP simulator: dropping the notification of payment {} (callbackDropRate)", payment.paymentId());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        body.put("eventId", eventId);
        body.put("paymentId", payment.paymentId());
        body.put("merchantOrderId", payment.merchantOrderId());
        body.put("status", status);
        body.put("amount", payment.amount());
        body.put("currency", payment.currency());
        outbox.enqueue(new Outbox.Notification(PspController.CHAOS, eventId, "POST", payment.notifyUrl(),
                Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE), write(body), SIGNER, "SUCCESS"), chaos);
    }

    private static Map<String, String> signed(String secret, String body, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        return Map.of("X-Cardflow-Timestamp", timestamp,
                "X-Cardflow-Signature", "sha256=" + Hmac.sha256Hex(secret, timestamp + "." + body));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
