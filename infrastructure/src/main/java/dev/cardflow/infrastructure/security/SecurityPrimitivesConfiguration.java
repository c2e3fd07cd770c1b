package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.mode.Mode;
import dev.cardflow.infrastructure.mode.ModeReadiness;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The card-key cipher and the access-token issuer, keyed from configuration or the database. */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(SecretsProperties.class)
public class SecurityPrimitivesConfiguration {

    @Bean
    public PlatformSecrets platformSecrets(JdbcTemplate jdbc, Environment environment) {
        return new PlatformSecrets(jdbc, ModeReadiness.mode(environment).orElse(Mode.PRODUCTION) == Mode.PRODUCTION);
    }

    @Bean
    public CardKeyCipher cardKeyCipher(PlatformSecrets secrets, SecretsProperties properties) {
        return new CardKeyCipher(secrets.resolve("card-key", properties.cardKeySecret(), "CARDFLOW_CARD_KEY_SECRET"));
    }

    @Bean
    public AccessTokens accessTokens(PlatformSecrets secrets, SecretsProperties properties) {
        return new AccessTokens(secrets.resolve("token", properties.tokenSecret(), "CARDFLOW_TOKEN_SECRET"));
    }
}
