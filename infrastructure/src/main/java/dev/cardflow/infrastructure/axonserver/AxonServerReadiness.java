package dev.cardflow.infrastructure.axonserver;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Fails the start of a service whose Axon Server cannot be reached, with a message that says
 * where it looked — instead of a service that starts, reports UP, and hangs on its first command.
 */
public class AxonServerReadiness implements SmartInitializingSingleton {

    private final AxonServerConnectionManager connections;
    private final AxonServerConfiguration configuration;
    private final Duration timeout;

    public AxonServerReadiness(AxonServerConnectionManager connections, AxonServerConfiguration configuration,
                               Duration timeout) {
        this.connections = connections;
        this.configuration = configuration;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String context = configuration.getContext();
        Instant giveUp = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(giveUp)) {
            try {
                if (connections.getConnection(context).isConnected()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Axon Server at " + configuration.getServers() + " (context " + context
                + ") could not be reached within " + timeout + ". Start it, or point CARDFLOW_AXONSERVER "
                + "(axon.axonserver.servers) at it; without Axon Server, run the all-in-one platform instead.", last);
    }
}
