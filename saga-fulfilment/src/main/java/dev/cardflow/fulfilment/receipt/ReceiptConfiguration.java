package dev.cardflow.fulfilment.receipt;

import dev.cardflow.infrastructure.axon.BackgroundProcessor;
import dev.cardflow.infrastructure.schema.SchemaLocation;
import dev.cardflow.infrastructure.security.PlatformSecrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The orders' hash chains, receipt signing and the receipt endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReceiptProperties.class)
public class ReceiptConfiguration {

    @Bean
    public SchemaLocation fulfilmentSchema() {
        return new SchemaLocation("classpath:db/migration/fulfilment");
    }

    @Bean
    public OrderChain orderChain(ObjectMapper json) {
        return new OrderChain(json);
    }

    @Bean
    public ChainDigests chainDigests(JdbcTemplate jdbc) {
        return new ChainDigests(jdbc);
    }

    @Bean
    public ChainRecorder chainRecorder(OrderChain chain, ChainDigests digests, EventStore events) {
        return new ChainRecorder(chain, digests, events);
    }

    /** The chain is recorded in the background, from the first event on, links of a batch in one statement. */
    @Bean
    public ConfigurerModule chainRecorderProcessor() {
        return BackgroundProcessor.fromTail(ChainRecorder.PROCESSOR, 100);
    }

    @Bean
    public ReceiptKeys receiptKeys(PlatformSecrets secrets, ReceiptProperties properties) {
        return new ReceiptKeys(secrets.resolve("receipt-signing-key", properties.signingKey(),
                "CARDFLOW_RECEIPT_SIGNING_KEY", ReceiptKeys::generate), properties.previousPublicKeys());
    }

    @Bean
    public Receipts receipts(EventStore events, OrderChain chain, ChainDigests digests, ReceiptKeys keys) {
        return new Receipts(events, chain, digests, keys, Clock.systemUTC());
    }
}
