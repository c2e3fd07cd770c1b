package dev.cardflow.platform.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The JDK HTTP client as the tests use it against the platform: plain HTTP/1.1 and bounded waits.
 *
 * <p>{@code HttpClient.newHttpClient()} prefers HTTP/2, which on plain http adds an {@code Upgrade: h2c} offer the
 * platform (HTTP/1.1 only) declines; HTTP/1.1 keeps that out of play. The timeouts are a liveness guard, not a
 * performance target: on a kept-alive connection Reactor Netty 1.2.18 sometimes never answers a request that
 * follows a static file (seen with curl too), and a lost answer must fail the test instead of hanging the build.
 */
public final class TestHttp {

    /** Long enough for any answer on a loaded CI machine; only there so that nothing waits forever. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private TestHttp() {
    }

    /** An HTTP/1.1 client that gives up connecting after a while. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A request that gives up waiting for its answer after {@link #REQUEST_TIMEOUT}. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }
}
