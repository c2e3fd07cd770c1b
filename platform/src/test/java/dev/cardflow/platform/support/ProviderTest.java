package dev.cardflow.platform.support;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole platform with every payment provider enabled (the PSP simulator, Stripe and EPay, the
 * last two reached over HTTP at their bundled simulators), known provider credentials, and short
 * waits: a lost notification is asked after after a second, a refund tried three times.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformTest
@TestPropertySource(properties = {
        "cardflow.payment.providers=simulator,stripe,epay",
        "cardflow.payment.stripe.secret-key=" + ProviderTest.STRIPE_SECRET_KEY,
        "cardflow.payment.stripe.webhook-secret=" + ProviderTest.STRIPE_WEBHOOK_SECRET,
        "cardflow.payment.epay.pid=" + ProviderTest.EPAY_PID,
        "cardflow.payment.epay.key=" + ProviderTest.EPAY_KEY,
        "cardflow.fulfilment.payment-check=PT1S",
        "cardflow.fulfilment.payment-check-max=PT2S",
        "cardflow.fulfilment.step-retry=PT1S",
        "cardflow.fulfilment.step-retry-max=PT2S",
        "cardflow.fulfilment.refund-attempts=3"})
public @interface ProviderTest {

    String STRIPE_SECRET_KEY = "sk_test_provider_it";
    String STRIPE_WEBHOOK_SECRET = "whsec_provider_it";
    String EPAY_PID = "1001";
    String EPAY_KEY = "provider-it-epay-key";
}
