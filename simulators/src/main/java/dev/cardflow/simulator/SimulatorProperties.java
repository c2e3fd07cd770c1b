package dev.cardflow.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the simulated outside world.
 *
 * @param webhookSecret      the secret the PSP signs its notifications with
 * @param publicUrl          the base URL buyers reach the simulator under (for pay links); empty means
 *                           the URL of the request that created the payment
 * @param notificationGiveUp how long a simulated provider keeps retrying an unacknowledged notification (default PT10M)
 * @param notificationPoll   how often the simulators look for notifications to send (default PT0.2S)
 */
@ConfigurationProperties("cardflow.simulator")
public record SimulatorProperties(String webhookSecret, @DefaultValue("") String publicUrl,
                                  @DefaultValue("PT10M") Duration notificationGiveUp,
                                  @DefaultValue("PT0.2S") Duration notificationPoll) {

    public SimulatorProperties {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalStateException("cardflow.simulator.webhook-secret must be set");
        }
    }
}
