package dev.cardflow.order.command.payment;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.infrastructure.payment.PaymentProviderSettings;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.Problem;
import dev.cardflow.infrastructure.web.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /api/payments/stripe/webhook}: Stripe's signed events about Checkout Sessions. The
 * signature is verified by the official SDK; the event is read from its raw JSON, so an event of
 * another API version than the SDK's is still understood rather than dropped.
 */
@RestController
public class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    /** Stripe's own tolerance for the signature's timestamp. */
    static final long TOLERANCE_SECONDS = 300;

    private final PaymentProviderSettings providers;
    private final PaymentReports reports;
    private final ObjectMapper json;

    StripeWebhookController(PaymentProviderSettings providers, PaymentReports reports, ObjectMapper json) {
        this.providers = providers;
        this.reports = reports;
        this.json = json;
    }

    @PostMapping(path = "/api/payments/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> webhook(
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        String secret = providers.stripe().webhookSecret();
        if (!providers.enabled(PaymentMethods.STRIPE) || secret.isBlank()) {
            return Mono.error(ProblemException.notFound("not-found", "Stripe is not enabled in this shop."));
        }
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        try {
            Webhook.Signature.verifyHeader(payload, signature == null ? "" : signature, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            reports.refused(PaymentMethods.STRIPE);
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            return Mono.error(new ProblemException(Problem.of(400, "bad-signature", "Bad Request",
                    "The Stripe-Signature header does not verify.")));
        }
        JsonNode event = parse(payload);
        return Blocking.call(() -> Map.of("received", true, "outcome", handle(event)));
    }

    private String handle(JsonNode event) {
        String type = event.path("type").asText();
        JsonNode session = event.path("data").path("object");
        PaymentReport.Outcome outcome = switch (type) {
            case "checkout.session.completed" -> "paid".equals(session.path("payment_status").asText())
                    ? PaymentReport.Outcome.SUCCEEDED : PaymentReport.Outcome.OTHER;
            case "checkout.session.async_payment_succeeded" -> PaymentReport.Outcome.SUCCEEDED;
            case "checkout.session.async_payment_failed" -> PaymentReport.Outcome.FAILED;
            case "checkout.session.expired" -> PaymentReport.Outcome.OTHER;
            default -> null;
        };
        if (outcome == null) {
            log.debug("Stripe event {} of type {} ignored", event.path("id").asText(), type);
            return "ignored";
        }
        String orderId = text(session.path("metadata").path("orderId"));
        if (orderId == null) {
            orderId = text(session.path("client_reference_id"));
        }
        Money amount = session.hasNonNull("amount_total") && session.hasNonNull("currency")
                ? Money.ofMinorUnits(session.path("amount_total").asLong(), session.path("currency").asText())
                : null;
        return reports.record(new PaymentReport(PaymentMethods.STRIPE, event.path("id").asText(),
                orderId == null ? "-" : orderId, session.path("id").asText(), null, outcome, amount));
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event == null || !event.path("id").isTextual() || !event.path("type").isTextual()
                    || !event.path("data").path("object").isObject()) {
                throw ProblemException.badRequest("invalid-notification", "The event lacks id, type or data.object.");
            }
            return event;
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-notification", "The event is not valid JSON.");
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
