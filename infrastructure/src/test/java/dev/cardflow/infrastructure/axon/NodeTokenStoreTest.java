package dev.cardflow.infrastructure.axon;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTokenStoreTest {

    @Test
    void aConfiguredNodeIdWins() {
        assertThat(NodeTokenStore.nodeId(new MockEnvironment().withProperty("cardflow.node-id", " fulfilment-1 ")
                .withProperty("server.port", "8083"))).isEqualTo("fulfilment-1");
    }

    @Test
    void withoutOneTheNodeIsNamedByHostAndPortSoARestartKeepsItsName() {
        String first = NodeTokenStore.nodeId(new MockEnvironment().withProperty("server.port", "8083"));
        String again = NodeTokenStore.nodeId(new MockEnvironment().withProperty("server.port", "8083"));
        String other = NodeTokenStore.nodeId(new MockEnvironment().withProperty("server.port", "8084"));

        assertThat(first).endsWith(":8083").isEqualTo(again);
        assertThat(other).as("another instance on the same host").isNotEqualTo(first);
    }

    @Test
    void aServerOnARandomPortKeepsAxonsPerProcessName() {
        assertThat(NodeTokenStore.nodeId(new MockEnvironment().withProperty("server.port", "0")))
                .isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
    }
}
