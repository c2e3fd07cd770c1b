package dev.cardflow.order.command.payment;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated PSP's secret is demanded while, and only while, the simulator provider is enabled. */
class PaymentSettingsTest {

    @Test
    void theSimulatorProviderNeedsTheWebhookSecret() {
        assertThatThrownBy(() -> new PaymentSettings(" ", Duration.ofMinutes(5), List.of("simulator", "stripe")))
                .hasMessageContaining("CARDFLOW_PSP_WEBHOOK_SECRET");
        assertThat(new PaymentSettings("s", Duration.ofMinutes(5), List.of("simulator")).webhookSecret()).isEqualTo("s");
    }

    @Test
    void withoutTheSimulatorProviderNoSecretIsNeededAndNoNotificationIsAuthentic() {
        PaymentSettings settings = new PaymentSettings("configured-anyway", Duration.ofMinutes(5), List.of("stripe"));
        NotificationSignature signature = new NotificationSignature(settings.webhookSecret(), settings.timestampWindow(),
                Clock.systemUTC());

        assertThat(new PaymentSettings(null, Duration.ofMinutes(5), List.of("stripe")).webhookSecret()).isEmpty();
        assertThat(signature.isAuthentic(String.valueOf(Clock.systemUTC().instant().getEpochSecond()),
                "sha256=00", new byte[0])).isFalse();
    }
}
