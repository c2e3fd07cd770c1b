package dev.cardflow.infrastructure.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Commands that lose a race on an aggregate — another instance appended to it first — are sent
 * again, up to three times, 100 ms apart; the handler then runs on the fresh state. A refusal, or
 * any other failure, is never retried.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class CommandRetryConfiguration {

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new RaceRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval(100)
                        .maxRetryCount(3)))
                .build();
    }

    /**
     * Retries a command that lost a race and nothing else: a {@link ConcurrencyException}, or an
     * {@link AggregateStreamCreationException} (two instances creating the same aggregate — the
     * retry of a create-if-missing handler then finds the winner's).
     */
    static final class RaceRetryScheduler extends IntervalRetryScheduler {

        RaceRetryScheduler(Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !(failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException);
        }
    }
}
