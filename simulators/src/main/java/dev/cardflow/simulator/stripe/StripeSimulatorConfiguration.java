package dev.cardflow.simulator.stripe;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.SimulatorConfiguration.SimulatorDatabase;
import dev.cardflow.simulator.chaos.Chaos;
import dev.cardflow.simulator.outbox.Outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The simulated Stripe account, on the simulator's database and outbox. Starts without secrets; refuses calls then. */
@DemoOnly
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeSimulatorProperties.class)
public class StripeSimulatorConfiguration {

    @Bean
    public CheckoutSessions stripeCheckoutSessions(SimulatorDatabase db, ObjectMapper json) {
        return new CheckoutSessions(db.jdbc(), db.tx(), json);
    }

    @Bean
    public StripeIdempotency stripeIdempotency(SimulatorDatabase db) {
        return new StripeIdempotency(db.jdbc(), db.tx());
    }

    @Bean
    public StripeEvents stripeEvents(Outbox outbox, ObjectMapper json, StripeSimulatorProperties properties,
                                     Environment environment) {
        return new StripeEvents(outbox, json, properties, environment);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    public SessionSweeper stripeSessionSweeper(CheckoutSessions sessions, StripeEvents events, Chaos chaos,
                                               StripeSimulatorProperties properties) {
        return new SessionSweeper(sessions, events, chaos, properties);
    }
}
