package dev.cardflow.simulator.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The simulated Stripe account.
 *
 * @param secretKey         the API key callers must present as {@code Authorization: Bearer} (default
 *                          {@code cardflow.payment.stripe.secret-key}); blank refuses every call with 401
 * @param webhookSecret     the endpoint secret events are signed with (default
 *                          {@code cardflow.payment.stripe.webhook-secret})
 * @param webhookUrl        where events are sent; blank: {@code cardflow.public-url} + {@code /api/payments/stripe/webhook},
 *                          else this server's own {@code http://localhost:<port>/api/payments/stripe/webhook}
 * @param asyncPaymentDelay how long an asynchronous payment (a bank debit) takes to succeed (default PT2S)
 * @param sweepInterval     how often expired sessions and settled asynchronous payments are looked for (default PT1S)
 */
@ConfigurationProperties("cardflow.simulator.stripe")
public record StripeSimulatorProperties(@DefaultValue("") String secretKey, @DefaultValue("") String webhookSecret,
                                        @DefaultValue("") String webhookUrl,
                                        @DefaultValue("PT2S") Duration asyncPaymentDelay,
                                        @DefaultValue("PT1S") Duration sweepInterval) {
}
