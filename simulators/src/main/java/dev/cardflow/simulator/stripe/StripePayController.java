package dev.cardflow.simulator.stripe;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;
import dev.cardflow.simulator.chaos.Chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated Stripe Checkout page (the session's {@code url}) and what its buttons do. Never
 * disturbed by chaos: chaos is for the merchant's calls.
 */
@DemoOnly
@RestController
public class StripePayController {

    private final CheckoutSessions sessions;
    private final StripeEvents events;
    private final Chaos chaos;
    private final StripeSimulatorProperties properties;
    private final ObjectMapper json;

    public StripePayController(CheckoutSessions sessions, StripeEvents events, Chaos chaos,
                               StripeSimulatorProperties properties, ObjectMapper json) {
        this.sessions = sessions;
        this.events = events;
        this.chaos = chaos;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping(path = "/simulator/stripe/pay/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> page(@PathVariable String id) {
        return Offload.jdbc(() -> render(found(id)));
    }

    /**
     * The buyer pays: by card (paid at once) or, with {@code async=true}, by a method that settles
     * later (completed unpaid, then {@code async_payment_succeeded}). Answers where to go next.
     */
    @PostMapping(path = "/simulator/stripe/pay/{id}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> complete(@PathVariable String id,
                                              @RequestParam(defaultValue = "false") boolean async) {
        return Offload.jdbc(() -> sessions.inTransaction(() -> {
            CheckoutSessions.Session session = sessions.lock(id).orElseThrow(() -> notFound(id));
            if (session.open() && session.expiresAt().isAfter(Instant.now())) {
                session = sessions.complete(id, async ? properties.asyncPaymentDelay() : null);
                events.enqueue("checkout.session.completed", session, chaos.knobs(StripeController.CHAOS));
            } else if (!session.status().equals("complete")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "This Checkout Session is no longer active.");
            }
            Map<String, Object> answer = outcome(session);
            answer.put("redirect", session.successUrl().replace("{CHECKOUT_SESSION_ID}", session.id()));
            return answer;
        }));
    }

    /**
     * The payment fails: a declined card leaves the session open (Stripe tells the merchant nothing);
     * a pending asynchronous payment fails with {@code checkout.session.async_payment_failed}.
     */
    @PostMapping(path = "/simulator/stripe/pay/{id}/fail", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> fail(@PathVariable String id) {
        return Offload.jdbc(() -> sessions.inTransaction(() -> {
            CheckoutSessions.Session session = sessions.lock(id).orElseThrow(() -> notFound(id));
            if (session.awaitingAsyncPayment()) {
                session = sessions.failAsyncPayment(id);
                events.enqueue("checkout.session.async_payment_failed", session, chaos.knobs(StripeController.CHAOS));
            }
            Map<String, Object> answer = outcome(session);
            answer.put("declined", true);
            return answer;
        }));
    }

    private static Map<String, Object> outcome(CheckoutSessions.Session session) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", session.id());
        answer.put("status", session.status());
        answer.put("payment_status", session.paymentStatus());
        answer.put("payment_intent", session.paymentIntent());
        return answer;
    }

    private CheckoutSessions.Session found(String id) {
        return sessions.find(id).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkout session " + id);
    }

    private String render(CheckoutSessions.Session s) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (JsonNode line : json.readTree(s.lineItems())) {
            lines.append("<li>").append(line.get("quantity").asLong()).append(" × ")
                    .append(HtmlUtils.htmlEscape(line.get("name").asText())).append("</li>");
        }
        String amount = HtmlUtils.htmlEscape(major(s.amountTotal(), s.currency()) + " " + s.currency().toUpperCase(Locale.ROOT));
        String cancel = s.cancelUrl() == null ? ""
                : "<p><a id=\"cancel\" href=\"" + HtmlUtils.htmlEscape(s.cancelUrl()) + "\">← Back to the shop</a></p>";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Stripe Checkout (simulated) — pay %2$s</title>
                  <link rel="stylesheet" href="/simulator/psp/pay.css">
                  <link rel="stylesheet" href="/simulator/stripe/pay.css">
                </head>
                <body>
                  <main class="card" data-session-id="%1$s" data-status="%3$s" data-payment-status="%4$s">
                    <p class="brand">stripe <span>(simulated Checkout, test mode)</span></p>
                    %6$s
                    <h1>Pay <span id="amount">%2$s</span></h1>
                    <ul class="items">%5$s</ul>
                    <p id="status" role="status" aria-live="polite"></p>
                    <button id="pay" type="button">Pay %2$s</button>
                    <button id="pay-async" type="button" class="secondary">Pay by bank debit (settles later)</button>
                    <button id="decline" type="button" class="secondary">Simulate a declined card</button>
                  </main>
                  <script src="/simulator/stripe/pay.js"></script>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(s.id()), amount, HtmlUtils.htmlEscape(s.status()),
                HtmlUtils.htmlEscape(s.paymentStatus()), lines, cancel);
    }

    /** Minor units as the currency's major units (zero-decimal currencies such as JPY stay as they are). */
    static String major(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
