package dev.cardflow.infrastructure.limits;

import dev.cardflow.infrastructure.web.ProblemException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClientLimitsTest {

    private final ClientLimits limits = new ClientLimits(new ClientLimitsProperties(3, 5, List.of("127.0.0.1"), 2),
            new ClientAddresses(List.of("127.0.0.1")), new byte[32]);

    private static MockServerHttpRequest from(String peer) {
        return MockServerHttpRequest.post("/api/orders").remoteAddress(new InetSocketAddress(peer, 40000)).build();
    }

    @Test
    void aClientOverItsRateIsRefusedWith429AndToldWhenToComeBack() {
        String client = limits.clientKey(from("203.0.113.7"));
        for (int i = 0; i < 3; i++) {
            limits.take("place", client);
        }

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> limits.take("place", client));

        assertThat(refused.problem().status()).isEqualTo(429);
        assertThat(refused.problem().type()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 61L);
    }

    @Test
    void oneClientsBurstLeavesOtherClientsAndOtherKindsOfRequestAlone() {
        String greedy = limits.clientKey(from("203.0.113.7"));
        for (int i = 0; i < 3; i++) {
            limits.take("place", greedy);
        }

        limits.take("place", limits.clientKey(from("203.0.113.8")));
        limits.take("lookup", greedy);
    }

    @Test
    void clientsAreKnownByAPseudonymNotTheirAddress() {
        String key = limits.clientKey(from("203.0.113.7"));

        assertThat(key).hasSize(22).doesNotContain("203");
        assertThat(limits.clientKey(from("203.0.113.7"))).isEqualTo(key);
        assertThat(limits.clientKey(from("203.0.113.8"))).isNotEqualTo(key);
    }

    @Test
    void loginsAreBlockedAfterTooManyFailuresOfThatClientOnly() {
        String client = limits.clientKey(from("203.0.113.7"));
        assertThat(limits.loginBlockedFor(client)).isZero();

        limits.failedLogin(client);
        limits.failedLogin(client);

        assertThat(limits.loginBlockedFor(client)).isBetween(1L, 61L);
        assertThat(limits.loginBlockedFor(limits.clientKey(from("203.0.113.8")))).isZero();
    }
}
