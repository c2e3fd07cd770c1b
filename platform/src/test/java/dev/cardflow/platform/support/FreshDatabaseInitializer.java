package dev.cardflow.platform.support;

import dev.cardflow.infrastructure.testing.TestDatabase;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points an application context at a database of its own, created empty. */
public class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.create(),
                "spring.datasource.username=" + TestDatabase.user(),
                "spring.datasource.password=" + TestDatabase.password(),
                // many test contexts live side by side in one JVM: each holds few connections
                "spring.datasource.hikari.maximum-pool-size=12",
                "spring.datasource.hikari.minimum-idle=2"
        ).applyTo(context);
    }
}
