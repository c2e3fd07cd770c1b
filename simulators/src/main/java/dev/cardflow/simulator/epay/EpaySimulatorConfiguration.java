package dev.cardflow.simulator.epay;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.SimulatorConfiguration.SimulatorDatabase;
import dev.cardflow.simulator.outbox.Outbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated EPay gateway, on the simulator's database and outbox. */
@DemoOnly
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EpaySimulatorProperties.class)
public class EpaySimulatorConfiguration {

    @Bean
    public EpayOrders epayOrders(SimulatorDatabase db) {
        return new EpayOrders(db.jdbc(), db.tx());
    }

    @Bean
    public EpayNotifications epayNotifications(Outbox outbox, EpaySimulatorProperties properties) {
        return new EpayNotifications(outbox, properties);
    }
}
