package dev.cardflow.fulfilment;

import dev.cardflow.fulfilment.alert.BreakerAlerts;
import dev.cardflow.fulfilment.alert.OperatorAlerts;
import dev.cardflow.fulfilment.audit.OrderHistory;
import dev.cardflow.fulfilment.audit.SagaReplay;
import dev.cardflow.fulfilment.notification.BuyerMailProperties;
import dev.cardflow.fulfilment.notification.BuyerNotifications;
import dev.cardflow.fulfilment.notification.HttpMailer;
import dev.cardflow.fulfilment.notification.MailRetries;
import dev.cardflow.fulfilment.notification.MailTemplates;
import dev.cardflow.fulfilment.notification.MailableOrders;
import dev.cardflow.fulfilment.notification.Mailer;
import dev.cardflow.fulfilment.notification.SmtpMailer;
import dev.cardflow.fulfilment.payment.PaymentGateway;
import dev.cardflow.fulfilment.payment.EpayPaymentGateway;
import dev.cardflow.fulfilment.payment.PaymentGateways;
import dev.cardflow.fulfilment.payment.SimulatorPaymentGateway;
import dev.cardflow.fulfilment.payment.StripePaymentGateway;
import dev.cardflow.fulfilment.process.FulfilmentProcess;
import dev.cardflow.fulfilment.resilience.BreakerWatch;
import dev.cardflow.fulfilment.resilience.OutboundCalls;
import dev.cardflow.fulfilment.saga.DeadlineCancellation;
import dev.cardflow.fulfilment.saga.DeadlineRescheduling;
import dev.cardflow.fulfilment.saga.EventStoreOrderFacts;
import dev.cardflow.fulfilment.saga.FulfilmentActions;
import dev.cardflow.fulfilment.supplier.CardPurchase;
import dev.cardflow.fulfilment.supplier.HttpCardSupplier;
import dev.cardflow.infrastructure.axon.BackgroundProcessor;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.CardKeyCipher;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.infrastructure.alert.Alerts;
import dev.cardflow.infrastructure.axon.EventPositions;
import dev.cardflow.infrastructure.mode.Mode;
import dev.cardflow.infrastructure.payment.PaymentProviderSettings;
import dev.cardflow.infrastructure.web.LocalServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import org.springframework.util.function.SingletonSupplier;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The fulfilment's wiring: the process with its timings, the ports to the PSP and the suppliers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FulfilmentProperties.class, SupplierProperties.class, BuyerMailProperties.class})
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
        return new OrderHistory(events, new EventPositions(jdbc), queries);
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
    public OrderPages orderPages(AccessTokens tokens, Environment environment, FulfilmentProperties properties) {
        return new OrderPages(tokens, environment, properties.publicUrl());
    }

    /**
     * One adapter per enabled provider. The simulator's exists only where the simulators are mounted
     * (demo mode, where it also serves orders placed before there was a choice); in production an order
     * never falls back to it, whatever the provider list says.
     */
    @Bean
    public PaymentGateways paymentGateways(PaymentProviderSettings providers, WebClient.Builder http,
                                           FulfilmentProperties properties, Environment environment,
                                           OutboundCalls calls, OrderPages pages, ObjectMapper json) {
        Map<String, PaymentGateway> gateways = new HashMap<>();
        if (simulatorsMounted(environment)) {
            gateways.put(PaymentMethods.SIMULATOR, new SimulatorPaymentGateway(http, properties.psp(), environment, calls));
        }
        if (providers.enabled(PaymentMethods.STRIPE)) {
            gateways.put(PaymentMethods.STRIPE, new StripePaymentGateway(
                    SingletonSupplier.of(() -> stripeClient(providers.stripe(), environment, properties)), pages, calls));
        }
        if (providers.enabled(PaymentMethods.EPAY)) {
            String configured = providers.epay().url();
            gateways.put(PaymentMethods.EPAY, new EpayPaymentGateway(http,
                    () -> LocalServer.url(environment, configured, "/simulator/epay/"), providers.epay(), pages, calls,
                    json));
        }
        return new PaymentGateways(gateways);
    }

    /** Whether this service runs with the simulated outside world (demo mode, the default). */
    static boolean simulatorsMounted(Environment environment) {
        return Mode.of(environment.getProperty("cardflow.mode")).orElse(Mode.PRODUCTION) == Mode.DEMO;
    }

    /**
     * The official SDK's client, built on first use (the bundled simulator's port is known only once the
     * server runs); its own retries are off, the {@code stripe} policies retry instead.
     */
    private static StripeClient stripeClient(PaymentProviderSettings.Stripe stripe, Environment environment,
                                             FulfilmentProperties properties) {
        int timeout = (int) properties.psp().timeout().toMillis();
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(stripe.secretKey())
                .setMaxNetworkRetries(0)
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout);
        boolean production = "production".equals(environment.getProperty("cardflow.mode"));
        if (!stripe.apiBase().isBlank()) {
            builder.setApiBase(stripe.apiBase());
        } else if (!production) {
            builder.setApiBase(LocalServer.url(environment, "", "/simulator/stripe"));
        }
        return builder.build();
    }

    @Bean
    public CardPurchase cardPurchase(WebClient.Builder http, SupplierProperties suppliers, Environment environment,
                                     OutboundCalls calls, CardKeyCipher cipher) {
        return new CardPurchase(
                new HttpCardSupplier("primary", suppliers.primaryUrl(), http, environment, calls),
                new HttpCardSupplier("backup", suppliers.backupUrl(), http, environment, calls),
                cipher);
    }

    /**
     * SMTP when {@code spring.mail.host} is set (Spring Boot then provides the sender); else the bundled
     * mailbox in demo mode, or a mail service's HTTP API at {@code cardflow.fulfilment.mailer-url}; else
     * (production without SMTP) no buyer mail at all, said once at start.
     */
    @Bean
    public Mailer mailer(ObjectProvider<JavaMailSender> smtp, BuyerMailProperties mail, WebClient.Builder http,
                         FulfilmentProperties properties, Environment environment, OutboundCalls calls) {
        JavaMailSender sender = smtp.getIfAvailable();
        // an empty SPRING_MAIL_HOST (a compose file's pass-through) still makes Spring Boot build a sender
        if (sender != null && !environment.getProperty("spring.mail.host", "").isBlank()) {
            return new SmtpMailer(sender, mail.from());
        }
        if (simulatorsMounted(environment) || !properties.mailerUrl().isBlank()) {
            return new HttpMailer(http, properties.mailerUrl(), environment, calls);
        }
        LoggerFactory.getLogger(FulfilmentConfiguration.class)
                .warn("No SMTP server configured (SPRING_MAIL_HOST): buyers get no mail");
        return Mailer.NONE;
    }

    @Bean
    public BuyerNotifications buyerNotifications(Mailer mailer, EventStore events, OrderPages pages,
                                                 CommandGateway commands, CardKeyCipher cipher,
                                                 BuyerMailProperties mail, ThreadPoolTaskExecutor fulfilmentIo) {
        return new BuyerNotifications(mailer, new MailTemplates(), MailableOrders.from(events), pages, commands,
                cipher, mail.includeKeys(), fulfilmentIo);
    }

    @Bean
    public MailRetries mailRetries(EventProcessingConfiguration processing, BuyerMailProperties mail) {
        return new MailRetries(processing, mail.retryInterval());
    }

    /**
     * Notifications start at the head of the event stream (a new deployment does not mail every
     * past order), and a mail service that keeps failing parks them in the dead-letter queue.
     */
    @Bean
    public ConfigurerModule buyerNotificationsProcessor(ConnectionProvider connections, TransactionManager transactions,
                                                        DeadLetterSchema deadLetterSchema) {
        String group = BuyerNotifications.PROCESSING_GROUP;
        // one event a batch: a mail sent is never undone by a later event's failure
        ConfigurerModule processor = BackgroundProcessor.fromHead(group, 1);
        return configurer -> {
            processor.configureModule(configurer);
            configurer.eventProcessing().registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(deadLetterSchema)
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .build())
                // remembers which orders have parked mails, so a healthy event costs no look-up
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache());
        };
    }

    @Bean
    public OperatorAlerts operatorAlerts(Alerts alerts) {
        return new OperatorAlerts(alerts);
    }

    /** Raised off the thread of the call that tripped the breaker. */
    @Bean
    public BreakerAlerts breakerAlerts(CircuitBreakerRegistry breakers, Alerts alerts,
                                       ThreadPoolTaskExecutor fulfilmentIo) {
        return new BreakerAlerts(breakers, alerts, fulfilmentIo);
    }

    /**
     * Alerts start at the head of the event stream: a new deployment does not alert about the past.
     * Few events concern them: a background processor in large batches; an alert raised again when a
     * batch is retried falls in its quiet period.
     */
    @Bean
    public ConfigurerModule operatorAlertsProcessor() {
        return BackgroundProcessor.fromHead(OperatorAlerts.PROCESSING_GROUP, 100);
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
                                               EventStore events, PaymentGateways payments,
                                               CardPurchase cardPurchase, ThreadPoolTaskExecutor fulfilmentIo,
                                               Scheduler scheduler) {
        return new FulfilmentActions(process, new EventStoreOrderFacts(events), commands, payments, cardPurchase,
                fulfilmentIo, Clock.systemUTC(), new DeadlineCancellation(scheduler)::cancel,
                new DeadlineRescheduling(scheduler)::reschedule);
    }
}
