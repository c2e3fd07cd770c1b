package dev.cardflow.order.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often a buyer's page may make the platform ask the payment provider (docs/operations.md,
 * "Payment checks").
 *
 * @param spacing      at most one question to the provider per order this often, whatever the number of
 *                     requests ({@code CARDFLOW_PAYMENT_CHECK_SPACING}, default 2 s)
 * @param fastInterval how soon the page asks again while the buyer has just paid (default 2 s)
 * @param fastFor      for how long after the first request the page asks at the fast interval (default 60 s)
 * @param slowInterval how soon it asks again after that (default 15 s); the fulfilment's own
 *                     reconciliation and the last question at expiry go on regardless
 */
@ConfigurationProperties("cardflow.payment-check")
public record PaymentCheckSettings(@DefaultValue("2s") Duration spacing, @DefaultValue("2s") Duration fastInterval,
                                   @DefaultValue("60s") Duration fastFor, @DefaultValue("15s") Duration slowInterval) {

    /** How soon the page should ask again, the buyer having first asked at {@code first}. */
    public Duration nextAfter(java.time.Instant first, java.time.Instant now) {
        return first == null || now.isBefore(first.plus(fastFor)) ? fastInterval : slowInterval;
    }
}
