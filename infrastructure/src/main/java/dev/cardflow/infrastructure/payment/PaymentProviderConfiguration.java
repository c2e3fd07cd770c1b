package dev.cardflow.infrastructure.payment;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds the payment provider settings for every service that takes or follows payments. */
@AutoConfiguration
@EnableConfigurationProperties(PaymentProviderSettings.class)
public class PaymentProviderConfiguration {
}
