package dev.cardflow.infrastructure.limits;

import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.OrderAccess;
import dev.cardflow.infrastructure.security.PlatformSecrets;
import dev.cardflow.infrastructure.security.SecretsProperties;
import dev.cardflow.infrastructure.security.SecurityPrimitivesConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The per-client limits, keyed by the token secret so client keys are stable across instances. */
@AutoConfiguration(after = {SecurityPrimitivesConfiguration.class, TrustedProxiesConfiguration.class})
@EnableConfigurationProperties(ClientLimitsProperties.class)
public class ClientLimitsConfiguration {

    @Bean
    public ClientLimits clientLimits(ClientLimitsProperties properties, ClientAddresses addresses,
                                     PlatformSecrets secrets, SecretsProperties secretsProperties) {
        return new ClientLimits(properties, addresses,
                secrets.resolve("token", secretsProperties.tokenSecret(), "CARDFLOW_TOKEN_SECRET"));
    }

    @Bean
    public OrderAccess orderAccess(AccessTokens tokens, ClientLimits limits) {
        return new OrderAccess(tokens, limits);
    }
}
