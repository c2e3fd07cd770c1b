package dev.cardflow.simulator.stripe;

import dev.cardflow.simulator.outbox.Outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeEventsTest {

    static final String SECRET = "whsec_stripe_events_test";

    final StripeEvents events = new StripeEvents(new Outbox(null, null, WebClient.builder(), new ObjectMapper(),
            Duration.ofMinutes(10), Duration.ofSeconds(1)), new ObjectMapper(),
            new StripeSimulatorProperties("sk_test", SECRET, "", Duration.ofSeconds(2), Duration.ofSeconds(1)), null);

    static CheckoutSessions.Session paidSession() {
        Instant now = Instant.now();
        return new CheckoutSessions.Session("cs_test_a1abc", "[]", 990, "eur", "order-1", Map.of("orderId", "order-1"),
                "http://shop/orders/order-1", "http://shop/orders/order-1", "http://sim/simulator/stripe/pay/cs_test_a1abc",
                "complete", "paid", "pi_123", null, false, now.plusSeconds(3600), now);
    }

    @Test
    void signedEventVerifiesAndParsesWithTheSdk() throws Exception {
        String body = events.event("evt_1", "checkout.session.completed", paidSession().object());
        String header = StripeEvents.signatureHeader(SECRET, body, Instant.now());

        Event event = Webhook.constructEvent(body, header, SECRET);

        assertThat(event.getType()).isEqualTo("checkout.session.completed");
        assertThat(event.getDataObjectDeserializer().getObject()).get()
                .isInstanceOfSatisfying(Session.class, session -> {
                    assertThat(session.getId()).isEqualTo("cs_test_a1abc");
                    assertThat(session.getPaymentStatus()).isEqualTo("paid");
                    assertThat(session.getPaymentIntent()).isEqualTo("pi_123");
                    assertThat(session.getAmountTotal()).isEqualTo(990L);
                    assertThat(session.getMetadata()).containsEntry("orderId", "order-1");
                });
    }

    @Test
    void eventSignedWithAnotherSecretOrLongAgoDoesNotVerify() {
        String body = events.event("evt_2", "checkout.session.expired", paidSession().object());

        assertThatThrownBy(() -> Webhook.constructEvent(body,
                StripeEvents.signatureHeader("whsec_other", body, Instant.now()), SECRET))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(body,
                StripeEvents.signatureHeader(SECRET, body, Instant.now().minusSeconds(600)), SECRET))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void completedSessionShowsNoUrlAsAtStripe() {
        CheckoutSessions.Session paid = paidSession();
        assertThat(paid.object()).containsEntry("url", null).containsEntry("object", "checkout.session")
                .containsEntry("livemode", false).containsEntry("payment_method_types", List.of("card"));
    }
}
