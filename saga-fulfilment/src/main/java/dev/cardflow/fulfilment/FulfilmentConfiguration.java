package dev.cardflow.fulfilment;

import dev.cardflow.fulfilment.audit.OrderHistory;
import dev.cardflow.fulfilment.audit.SagaReplay;
import dev.cardflow.fulfilment.notification.BuyerNotifications;
import dev.cardflow.fulfilment.notification.HttpMailer;
import dev.cardflow.fulfilment.notification.Mailer;
import dev.cardflow.fulfilment.payment.PaymentGateway;
import dev.cardflow.fulfilment.payment.PspPaymentGateway;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.resilience.BreakerWatch;
import dev.cardflow.fulfilment.resilience.OutboundCalls;
import dev.cardflow.fulfilment.saga.DeadlineCancellation;
import dev.cardflow.fulfilment.saga.FulfilmentActions;
import dev.cardflow.fulfilment.supplier.CardPurchase;
import dev.cardflow.fulfilment.supplier.HttpCardSupplier;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.CardKeyCipher;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;

/** The fulfilment's wiring: the process with its timings, the ports to the PSP and the suppliers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FulfilmentProperties.class, SupplierProperties.class})
public class FulfilmentConfiguration {

    @Bean
    public FulfilmentProcess fulfilmentProcess(FulfilmentProperties properties) {
        return new FulfilmentProcess(properties.timings());
    }

    @Bean
    public OutboundCalls outboundCalls(TimeLimiterRegistry timeLimiters, CircuitBreakerRegistry breakers,
                                       RetryRegistry retries) {
        return new OutboundCalls(timeLimiters, breakers, retries);
    }

    @Bean
    public OrderHistory orderHistory(EventStore events, JdbcTemplate jdbc, QueryGateway queries) {
        return new OrderHistory(events, jdbc, queries);
    }

    @Bean
    public SagaReplay sagaReplay(FulfilmentProcess process) {
        return new SagaReplay(process);
    }

    @Bean
    public BreakerWatch breakerWatch(CircuitBreakerRegistry breakers) {
        return new BreakerWatch(breakers);
    }

    @Bean
    public PaymentGateway paymentGateway(WebClient.Builder http, FulfilmentProperties properties,
                                         Environment environment, OutboundCalls calls) {
        return new PspPaymentGateway(http, properties.psp(), environment, calls);
    }

    @Bean
    public CardPurchase cardPurchase(WebClient.Builder http, SupplierProperties suppliers, Environment environment,
                                     OutboundCalls calls, CardKeyCipher cipher) {
        return new CardPurchase(
                new HttpCardSupplier("primary", suppliers.primaryUrl(), http, environment, calls),
                new HttpCardSupplier("backup", suppliers.backupUrl(), http, environment, calls),
                cipher);
    }

    @Bean
    public Mailer mailer(WebClient.Builder http, FulfilmentProperties properties, Environment environment,
                         OutboundCalls calls) {
        return new HttpMailer(http, properties.mailerUrl(), environment, calls);
    }

    @Bean
    public BuyerNotifications buyerNotifications(Mailer mailer, AccessTokens tokens, Environment environment,
                                                 FulfilmentProperties properties) {
        return new BuyerNotifications(mailer, tokens, environment, properties.publicUrl());
    }

    /**
     * Notifications start at the head of the event stream (a new deployment does not mail every
     * past order), and a mail service that keeps failing parks them in the dead-letter queue.
     */
    @Bean
    public ConfigurerModule buyerNotificationsProcessor(ConnectionProvider connections, TransactionManager transactions,
                                                        DeadLetterSchema deadLetterSchema) {
        String group = BuyerNotifications.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(group,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(deadLetterSchema)
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .build());
    }

    @Bean
    public ThreadPoolTaskExecutor fulfilmentIo(FulfilmentProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("fulfilment-io-");
        executor.setCorePoolSize(properties.ioThreads());
        executor.setMaxPoolSize(properties.ioThreads());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    @Bean
    public FulfilmentActions fulfilmentActions(FulfilmentProcess process, CommandGateway commands,
                                               DeadlineManager deadlines, PaymentGateway payments,
                                               CardPurchase cardPurchase, ThreadPoolTaskExecutor fulfilmentIo,
                                               Scheduler scheduler) {
        return new FulfilmentActions(process, commands, deadlines, payments, cardPurchase, fulfilmentIo,
                Clock.systemUTC(), new DeadlineCancellation(scheduler)::cancel);
    }
}
