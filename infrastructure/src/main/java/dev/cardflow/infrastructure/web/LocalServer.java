package dev.cardflow.infrastructure.web;

import org.springframework.core.env.Environment;

/**
 * This process's own base URL, for the bundled simulators that the platform reaches over real
 * HTTP. Resolved at call time: with {@code server.port=0} the port is known only once the server
 * has started.
 */
public final class LocalServer {

    private LocalServer() {
    }

    /** {@code configured} when set, else {@code http://localhost:<port><path>}. */
    public static String url(Environment environment, String configured, String path) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + path;
    }
}
