package dev.cardflow.infrastructure.axon;

import dev.cardflow.infrastructure.schema.SchemaLocation;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

/** Axon's JDBC storage tuned for PostgreSQL: bytea payloads, its saga schema and its duplicate-key code. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class AxonPostgresConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresPersistenceExceptionResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(AxonTables.sagaSchema());
    }

    @Bean
    @ConditionalOnMissingBean
    public EventSchema eventSchema() {
        return AxonTables.eventSchema();
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenSchema tokenSchema() {
        return AxonTables.tokenSchema();
    }

    /** Axon's JDBC token store, but owned under this node's stable name (see {@link NodeTokenStore}). */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema tokenSchema,
                                 ObjectProvider<TokenStoreProperties> properties, Environment environment) {
        Duration claimTimeout = properties.getIfAvailable(TokenStoreProperties::new).getClaimTimeout();
        return NodeTokenStore.create(connections, serializer, tokenSchema, claimTimeout,
                NodeTokenStore.nodeId(environment));
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterSchema deadLetterSchema() {
        return AxonTables.deadLetterSchema();
    }

    /** Copies who caused a command onto its events; Axon's correlation and trace ids come along as usual. */
    @Bean
    public Origin originCorrelation() {
        return new Origin();
    }

    @Bean
    public MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public SavepointHandlerEnhancer savepointHandlerEnhancer(PlatformTransactionManager transactions) {
        return new SavepointHandlerEnhancer(transactions);
    }

    /** Every service that uses Axon's JDBC storage migrates its tables first. */
    @Bean
    public SchemaLocation axonSchema() {
        return new SchemaLocation("classpath:db/migration/infrastructure");
    }
}
