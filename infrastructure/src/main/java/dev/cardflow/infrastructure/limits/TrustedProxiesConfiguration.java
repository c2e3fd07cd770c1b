package dev.cardflow.infrastructure.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * The trusted proxies ({@code cardflow.trusted-proxies}); under the framework forward-headers
 * strategy, Spring Boot's transformer is replaced by one that follows the same rule.
 */
@AutoConfiguration(before = ReactiveWebServerFactoryAutoConfiguration.class)
@EnableConfigurationProperties(ClientLimitsProperties.class)
public class TrustedProxiesConfiguration {

    @Bean
    public ClientAddresses clientAddresses(ClientLimitsProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    @Bean
    @ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
    public ForwardedHeaderTransformer forwardedHeaderTransformer(ClientAddresses addresses) {
        return new TrustedForwardedHeaders(addresses);
    }
}
