package dev.cardflow.infrastructure.axonserver;

import dev.cardflow.infrastructure.security.SecretsProperties;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The checks a scaled-out service makes at start: Axon Server answers, and the secrets every
 * service must share are configured (a secret generated per database would differ per service).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(AxonServerConnectionManager.class)
public class AxonServerChecksConfiguration {

    @Bean
    public AxonServerReadiness axonServerReadiness(AxonServerConnectionManager connections,
                                                   AxonServerConfiguration configuration,
                                                   @Value("${cardflow.axonserver.startup-timeout:PT30S}") Duration timeout,
                                                   SecretsProperties secrets) {
        requireShared(secrets.cardKeySecret(), "CARDFLOW_CARD_KEY_SECRET");
        requireShared(secrets.tokenSecret(), "CARDFLOW_TOKEN_SECRET");
        return new AxonServerReadiness(connections, configuration, timeout);
    }

    private static void requireShared(String secret, String variable) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(variable + " must be set when the services run apart (Axon Server): "
                    + "every service has to use the same value.");
        }
    }
}
