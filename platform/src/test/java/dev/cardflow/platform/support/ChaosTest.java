package dev.cardflow.platform.support;

import dev.cardflow.platform.CardflowPlatform;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole platform, like {@link PlatformTest}, with the fulfilment's waits shortened so that
 * chaos scenarios settle in seconds: the PSP is asked about unreported payments after 1, 2 and 3
 * seconds, steps are retried after 1 to 4 seconds, a call times out after 1 second, and the
 * suppliers get 4 tries. The breakers keep their production defaults (40% over 10 s).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CardflowPlatform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "cardflow.admin.password=" + Shop.ADMIN_PASSWORD,
                "cardflow.rate-limit-per-minute=1000000", "cardflow.max-unpaid-orders=1000000",
                "cardflow.fulfilment.payment-check=PT1S",
                "cardflow.fulfilment.payment-check-max=PT3S",
                "cardflow.fulfilment.step-retry=PT1S",
                "cardflow.fulfilment.step-retry-max=PT4S",
                "cardflow.fulfilment.step-timeout=PT20S",
                "cardflow.fulfilment.card-purchase-attempts=4",
                "resilience4j.timelimiter.configs.default.timeout-duration=1s"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@AutoConfigureObservability(tracing = false)
public @interface ChaosTest {
}
