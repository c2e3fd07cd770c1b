package dev.cardflow.order.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the platform checks the PSP's notifications.
 *
 * @param webhookSecret   the secret shared with the PSP for the HMAC signature
 *                        ({@code CARDFLOW_PSP_WEBHOOK_SECRET}); required
 * @param timestampWindow how far a notification's timestamp may be from our clock (default 5 minutes)
 */
@ConfigurationProperties("cardflow.psp")
public record PaymentSettings(String webhookSecret, @DefaultValue("PT5M") Duration timestampWindow) {

    public PaymentSettings {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalStateException("cardflow.psp.webhook-secret (CARDFLOW_PSP_WEBHOOK_SECRET) must be set");
        }
    }
}
