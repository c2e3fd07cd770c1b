package dev.cardflow.fulfilment;

import dev.cardflow.fulfilment.process.FulfilmentTimings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the fulfilment: its waits, and where the outside world is.
 *
 * @param paymentExpiry   time a buyer has to pay ({@code CARDFLOW_PAYMENT_EXPIRY}, default PT15M)
 * @param stepRetry       first wait before a failed step is tried again (default PT5S), doubling up to
 *                        {@code stepRetryMax} (default PT2M)
 * @param paymentCheck    first wait before the PSP is asked about an unreported payment (default PT10S),
 *                        doubling up to {@code paymentCheckMax} (default PT2M)
 * @param cardPurchaseAttempts tries to buy an order's keys from the suppliers before it is refunded (default 5)
 * @param stepTimeout     how long a step waits for the answer of one outside call before asking again (default PT1M)
 * @param refundAttempts  tries to refund at the provider before an operator must refund by hand (default 8)
 * @param psp             the PSP simulator's base URL and the URL it notifies
 * @param ioThreads       threads that turn outside answers into commands (default 8)
 * @param mailerUrl       the mail service's message endpoint; empty (the default) means this server's simulator
 * @param publicUrl       the shop's address as buyers reach it, for links in mails; empty (the default)
 *                        means {@code http://localhost:<port>}
 */
@ConfigurationProperties("cardflow.fulfilment")
public record FulfilmentProperties(
        @DefaultValue("PT15M") Duration paymentExpiry,
        @DefaultValue("PT5S") Duration stepRetry,
        @DefaultValue("PT2M") Duration stepRetryMax,
        @DefaultValue("PT10S") Duration paymentCheck,
        @DefaultValue("PT2M") Duration paymentCheckMax,
        @DefaultValue("5") int cardPurchaseAttempts,
        @DefaultValue("PT1M") Duration stepTimeout,
        @DefaultValue("8") int refundAttempts,
        @DefaultValue Psp psp,
        @DefaultValue("8") int ioThreads,
        @DefaultValue("") String mailerUrl,
        @DefaultValue("") String publicUrl) {

    /**
     * Where the PSP is.
     *
     * @param baseUrl   the PSP API's base URL; empty (the default) means this server's bundled simulator
     * @param notifyUrl where the PSP posts notifications; empty (the default) means this server's
     *                  {@code /api/payments/notify}
     * @param timeout   the longest one call may take (default PT5S)
     */
    public record Psp(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String notifyUrl,
            @DefaultValue("PT5S") Duration timeout) {
    }

    public FulfilmentTimings timings() {
        return new FulfilmentTimings(paymentExpiry, stepRetry, stepRetryMax, paymentCheck, paymentCheckMax,
                cardPurchaseAttempts, stepTimeout, refundAttempts);
    }
}
