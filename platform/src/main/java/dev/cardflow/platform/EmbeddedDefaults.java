package dev.cardflow.platform;

import dev.cardflow.infrastructure.mode.Mode;
import dev.cardflow.infrastructure.mode.ModeReadiness;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Makes {@code java -jar} work on a fresh machine:
 * <ul>
 *   <li>without {@code CARDFLOW_PSP_WEBHOOK_SECRET}, the platform and its bundled PSP simulator
 *       share a random secret for this run (never a well-known default that would let anyone
 *       forge a payment) — in demo mode only: production generates no secret and has no simulator;</li>
 *   <li>when no PostgreSQL answers at the configured address but {@code docker-compose.yml} is in
 *       the working directory, Spring Boot's Docker Compose support starts its PostgreSQL; when
 *       one answers, Docker is left alone;</li>
 *   <li>when the PostgreSQL that answers lacks the configured database, it is created (turn this
 *       off with {@code cardflow.create-database=false}).</li>
 * </ul>
 * A start that {@link ModeReadiness} refuses touches neither Docker nor the database: it is
 * reported right after these defaults by the infrastructure's {@code ModeCheck}.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public EmbeddedDefaults(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDefaults.class);
    }

    static final String WEBHOOK_SECRET = "cardflow.psp.webhook-secret";
    static final String COMPOSE_ENABLED = "spring.docker.compose.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ModeReadiness.refusal(environment).isPresent()) {
            return;
        }
        boolean demo = ModeReadiness.mode(environment).orElseThrow() == Mode.DEMO;
        Map<String, Object> defaults = new HashMap<>();
        String secret = environment.getProperty(WEBHOOK_SECRET);
        if (demo && (secret == null || secret.isBlank())) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            defaults.put(WEBHOOK_SECRET, HexFormat.of().formatHex(random));
        }
        demoProviderAccounts(environment, defaults);
        String url = environment.getProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/cardflow");
        boolean answers = answers(url);
        if (environment.getProperty(COMPOSE_ENABLED) == null) {
            defaults.put(COMPOSE_ENABLED, !answers && Files.isRegularFile(Path.of("docker-compose.yml")));
        }
        if (answers && environment.getProperty("cardflow.create-database", Boolean.class, true)) {
            DatabaseCreation.ensureExists(log, url, environment.getProperty("spring.datasource.username", "postgres"),
                    environment.getProperty("spring.datasource.password", ""));
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("cardflow-embedded-defaults", defaults));
        }
    }

    /**
     * In demo mode, Stripe and EPay without an account of their own talk to the bundled simulators,
     * with credentials made up for this run and shared with them.
     */
    static void demoProviderAccounts(ConfigurableEnvironment environment, Map<String, Object> defaults) {
        if ("production".equals(environment.getProperty("cardflow.mode"))) {
            return;
        }
        if (blank(environment.getProperty("cardflow.payment.stripe.api-base"))) {
            putIfBlank(environment, defaults, "cardflow.payment.stripe.secret-key", "sk_test_demo_" + random());
            putIfBlank(environment, defaults, "cardflow.payment.stripe.webhook-secret", "whsec_demo_" + random());
        }
        if (blank(environment.getProperty("cardflow.payment.epay.url"))) {
            putIfBlank(environment, defaults, "cardflow.payment.epay.pid", "1001");
            putIfBlank(environment, defaults, "cardflow.payment.epay.key", random());
        }
    }

    private static void putIfBlank(ConfigurableEnvironment environment, Map<String, Object> defaults, String name,
                                   String value) {
        if (blank(environment.getProperty(name))) {
            defaults.put(name, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String random() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Whether something listens at the JDBC URL's host and port. */
    static boolean answers(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return true;
            }
        } catch (IOException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // after the application's own property files are loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
