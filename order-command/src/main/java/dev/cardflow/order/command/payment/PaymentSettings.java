package dev.cardflow.order.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the platform checks the PSP's notifications.
 *
 * @param webhookSecret   the secret shared with the PSP for the HMAC signature
 *                        ({@code CARDFLOW_PSP_WEBHOOK_SECRET}); required while the {@code simulator}
 *                        provider is enabled, else ignored (every such notification is refused)
 * @param timestampWindow how far a notification's timestamp may be from our clock (default 5 minutes)
 * @param providers       the enabled payment providers ({@code cardflow.payment.providers}, default {@code simulator})
 */
@ConfigurationProperties("cardflow.psp")
public record PaymentSettings(String webhookSecret, @DefaultValue("PT5M") Duration timestampWindow,
                              @DefaultValue("simulator") List<String> providers) {

    public PaymentSettings {
        boolean simulatorEnabled = providers.stream().anyMatch("simulator"::equalsIgnoreCase);
        // without the simulator provider nobody may sign its notifications, whatever is configured
        webhookSecret = webhookSecret == null || !simulatorEnabled ? "" : webhookSecret;
        if (simulatorEnabled && webhookSecret.isBlank()) {
            throw new IllegalStateException("cardflow.psp.webhook-secret (CARDFLOW_PSP_WEBHOOK_SECRET) must be set "
                    + "while the simulator payment provider is enabled");
        }
    }
}
