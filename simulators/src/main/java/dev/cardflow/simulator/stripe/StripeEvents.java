package dev.cardflow.simulator.stripe;

import dev.cardflow.simulator.chaos.ChaosKnobs;
import dev.cardflow.simulator.outbox.Hmac;
import dev.cardflow.simulator.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.Stripe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated Stripe account's webhook events, as Stripe sends them: the session in an event of
 * the SDK's API version, signed in {@code Stripe-Signature} at each attempt, from the outbox until
 * any 2xx answers it.
 */
public class StripeEvents {

    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
    static final String SIGNER = "stripe";
    static final String WEBHOOK_PATH = "/api/payments/stripe/webhook";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final StripeSimulatorProperties properties;
    private final Environment environment;

    public StripeEvents(Outbox outbox, ObjectMapper json, StripeSimulatorProperties properties,
                        Environment environment) {
        this.outbox = outbox;
        this.json = json;
        this.properties = properties;
        this.environment = environment;
        outbox.register(SIGNER, (body, now) -> Map.of("Stripe-Signature",
                signatureHeader(properties.webhookSecret(), body, now)));
    }

    /** {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, as Stripe signs its events. */
    public static String signatureHeader(String secret, String body, Instant now) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("cardflow.simulator.stripe.webhook-secret is not set");
        }
        long t = now.getEpochSecond();
        return "t=" + t + ",v1=" + Hmac.sha256Hex(secret, t + "." + body);
    }

    /** The event {@code id} of {@code type} about {@code object}, as JSON. */
    public String event(String id, String type, Map<String, Object> object) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", request);
        event.put("type", type);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues the event of {@code type} about {@code session} (inside the caller's transaction). */
    void enqueue(String type, CheckoutSessions.Session session, ChaosKnobs chaos) {
        if (session.dropCallbacks()) {
            log.info("Stripe simulator: dropping {} of session {} (callbackDropRate)", type, session.id());
            return;
        }
        String eventId = "evt_" + CheckoutSessions.random(24);
        String body = event(eventId, type, session.object());
        outbox.enqueue(new Outbox.Notification(StripeController.CHAOS, eventId, "POST", webhookUrl(),
                Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE + "; charset=utf-8"), body, SIGNER, null), chaos);
    }

    /** Resolved at each event: with {@code server.port=0} the port is known only once the server runs. */
    String webhookUrl() {
        if (!properties.webhookUrl().isBlank()) {
            return properties.webhookUrl();
        }
        String publicUrl = environment.getProperty("cardflow.public-url", "");
        if (!publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "") + WEBHOOK_PATH;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + WEBHOOK_PATH;
    }
}
