package dev.cardflow.infrastructure.alert;

import dev.cardflow.infrastructure.operations.DeadLetters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Operator alerts in every service that has the database: the store, the channels configured under
 * {@code cardflow.alert.*}, the background delivery, the checks, and {@code GET /admin/api/alerts}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "dev.cardflow.infrastructure.operations.OperationsConfiguration"})
@ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(AlertProperties.class)
public class AlertConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    public AlertStore alertStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new AlertStore(jdbc, transactions);
    }

    @Bean
    public AlertDelivery alertDelivery(AlertStore store, AlertProperties properties, WebClient.Builder http,
                                       ObjectProvider<JavaMailSender> smtp, Environment environment,
                                       ObjectProvider<AlertCheck> checks) {
        return new AlertDelivery(store, channels(properties, http, smtp, environment), properties,
                checks.orderedStream().toList());
    }

    @Bean
    public Alerts alerts(AlertStore store, AlertProperties properties, AlertDelivery delivery,
                         ObjectProvider<MeterRegistry> meters) {
        List<String> names = delivery.channelNames();
        Alerts alerts = new Alerts(store, properties, names, delivery::wake,
                meters.getIfAvailable(SimpleMeterRegistry::new));
        delivery.alerts(alerts);
        log.info("Operator alerts go to: {}", names.isEmpty() ? "no channel (listed at /admin/api/alerts only)" : names);
        return alerts;
    }

    private static List<AlertChannel> channels(AlertProperties properties, WebClient.Builder http,
                                               ObjectProvider<JavaMailSender> smtp, Environment environment) {
        List<AlertChannel> channels = new ArrayList<>();
        if (!properties.webhookUrl().isBlank()) {
            channels.add(new WebhookChannel(http.clone(), properties.webhookUrl(), properties.timeout()));
        }
        if (!properties.email().isBlank()) {
            JavaMailSender sender = smtp.getIfAvailable();
            // an empty SPRING_MAIL_HOST (a compose file's pass-through) still makes Spring Boot build a sender
            if (sender != null && !environment.getProperty("spring.mail.host", "").isBlank()) {
                channels.add(new EmailChannel(sender, properties.emailFrom(), properties.email()));
            } else {
                log.warn("CARDFLOW_ALERT_EMAIL is set but no SMTP server is (SPRING_MAIL_HOST): no alert mails");
            }
        }
        if (properties.telegram().configured()) {
            channels.add(new TelegramChannel(http.clone(), properties.telegram(), properties.timeout()));
        } else if (!properties.telegram().botToken().isBlank() || !properties.telegram().chatId().isBlank()) {
            log.warn("Telegram alerts need both CARDFLOW_TELEGRAM_BOT_TOKEN and CARDFLOW_TELEGRAM_CHAT_ID: none sent");
        }
        return channels;
    }

    /** Parked dead letters, where the services have Axon's processors. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DeadLetters.class)
    static class DeadLetterChecks {

        @Bean
        public DeadLetterAlerts deadLetterAlerts(DeadLetters deadLetters) {
            return new DeadLetterAlerts(deadLetters);
        }
    }

    /** The operators' API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @Import(AlertController.class)
    static class Api {
    }
}
