package dev.cardflow.simulator;

import dev.cardflow.simulator.chaos.Chaos;
import dev.cardflow.simulator.outbox.Outbox;
import dev.cardflow.simulator.psp.Notifications;
import dev.cardflow.simulator.psp.Payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import javax.sql.DataSource;

/**
 * The simulated outside world. It keeps its state in a schema of its own ({@code simulator}),
 * migrated by a Flyway of its own, and talks to the platform only over HTTP.
 */
@DemoOnly
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    static final String SCHEMA = "simulator";

    /** The simulator's JDBC access, once its migrations ran. */
    @Bean
    public SimulatorDatabase simulatorDatabase(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/simulator")
                .load()
                .migrate();
        return new SimulatorDatabase(dataSource);
    }

    @Bean
    public Chaos chaos(SimulatorDatabase db, ObjectMapper json) {
        return new Chaos(db.jdbc(), json);
    }

    @Bean
    public Payments payments(SimulatorDatabase db) {
        return new Payments(db.jdbc(), db.tx());
    }

    /** The outbox every simulated provider sends its notifications from. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    public Outbox outbox(SimulatorDatabase db, WebClient.Builder http, ObjectMapper json,
                         SimulatorProperties properties) {
        return new Outbox(db.jdbc(), db.tx(), http, json, properties.notificationGiveUp(),
                properties.notificationPoll());
    }

    @Bean
    public Notifications notifications(Outbox outbox, ObjectMapper json, SimulatorProperties properties) {
        return new Notifications(outbox, json, properties);
    }

    /** The simulator's own JDBC access and transactions; every table it names is in its schema. */
    public record SimulatorDatabase(JdbcTemplate jdbc, TransactionTemplate tx) {
        SimulatorDatabase(DataSource dataSource) {
            this(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }
    }
}
