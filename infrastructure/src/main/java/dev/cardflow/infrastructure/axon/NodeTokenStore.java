package dev.cardflow.infrastructure.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.core.env.Environment;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The processors' token store, owned under a name that survives a restart. Axon names the owner of
 * a claim after the process id by default, so a node restarted after a crash waits for its own old
 * claims to time out before it processes anything; under a stable name it takes them back at once.
 */
final class NodeTokenStore {

    private NodeTokenStore() {
    }

    static TokenStore create(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                             Duration claimTimeout, String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(nodeId)
                .build();
    }

    /**
     * {@code cardflow.node-id} when set; else host and port — unique among running instances (two
     * cannot share a port on one host) and the same after a restart; else Axon's default (pid@host),
     * for a server on a random port.
     */
    static String nodeId(Environment environment) {
        String configured = environment.getProperty("cardflow.node-id");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port > 0) {
            return host() + ":" + port;
        }
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
