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
 * The whole platform on a random port and a database of its own, reached through HTTP only.
 * Test classes that share this annotation share one running platform; each test creates the
 * products it needs, so none depends on another's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CardflowPlatform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cardflow.admin.password=" + Shop.ADMIN_PASSWORD,
                "cardflow.rate-limit-per-minute=1000000", "cardflow.max-unpaid-orders=1000000",
                "cardflow.admin.metrics-password=" + Shop.METRICS_PASSWORD})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@AutoConfigureObservability(tracing = false)
public @interface PlatformTest {
}
