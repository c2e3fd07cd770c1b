package dev.cardflow.infrastructure.limits;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        var request = MockServerHttpRequest.get("/api/orders").remoteAddress(new InetSocketAddress(peer, 40000));
        for (String header : forwardedFor) {
            request.header("X-Forwarded-For", header);
        }
        return request.build();
    }

    @Test
    void aDirectClientIsItsOwnAddressWhateverItClaims() {
        assertThat(addresses.clientOf(from("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.clientOf(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(addresses.clientOf(from("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client wrote the left-most entry itself: it is not believed
        assertThat(addresses.clientOf(from("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
        assertThat(addresses.clientOf(from("10.1.2.3", "1.2.3.4", "198.51.100.2"))).isEqualTo("198.51.100.2");
        assertThat(addresses.clientOf(from("::1", "[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void garbageInTheHeaderNamesNoClientButTheHopThatAddedIt() {
        assertThat(addresses.clientOf(from("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(addresses.clientOf(from("10.1.2.3", "unknown, 198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(addresses.clientOf(from("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void underTheFrameworkStrategyTheRemoteAddressIsTheRealClient() {
        ForwardedHeaderTransformer transformer = new TrustedForwardedHeaders(addresses);
        var proxied = transformer.apply(from("127.0.0.1", "1.2.3.4, 198.51.100.1"));
        assertThat(proxied.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.1");
        assertThat(addresses.clientOf(proxied)).isEqualTo("198.51.100.1");

        var spoofed = transformer.apply(from("203.0.113.7", "198.51.100.1"));
        assertThat(addresses.clientOf(spoofed)).isEqualTo("203.0.113.7");
        assertThat(spoofed.getHeaders().containsKey("X-Forwarded-For")).isFalse();
    }
}
