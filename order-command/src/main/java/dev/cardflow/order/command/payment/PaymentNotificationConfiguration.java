package dev.cardflow.order.command.payment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the signature check of PSP notifications. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentSettings.class, PaymentCheckSettings.class})
class PaymentNotificationConfiguration {

    @Bean
    NotificationSignature notificationSignature(PaymentSettings settings) {
        return new NotificationSignature(settings.webhookSecret(), settings.timestampWindow(), Clock.systemUTC());
    }
}
