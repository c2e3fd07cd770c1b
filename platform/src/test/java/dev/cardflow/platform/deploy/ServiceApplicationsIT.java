package dev.cardflow.platform.deploy;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.TestHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each service's own executable jar, run as its own process in its Axon Server profile. It builds
 * all its beans — its wiring is right — and then, with no Axon Server to reach, stops at once
 * saying where it looked, instead of hanging or starting and failing on its first command.
 */
class ServiceApplicationsIT {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-command", "order-query", "saga-fulfilment"})
    void serviceWithoutAxonServerStopsAtOnceSayingWhereItLooked(String module) throws Exception {
        int nobodyListens = PlatformProcess.freePort();

        Run run = run(module, "--server.port=0", "--spring.datasource.url=" + TestDatabase.create(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--cardflow.axonserver.startup-timeout=PT3S",
                "--axon.axonserver.servers=localhost:" + nobodyListens,
                "--cardflow.psp.webhook-secret=test",
                "--cardflow.security.card-key-secret=" + SECRET,
                "--cardflow.security.token-secret=" + SECRET);

        assertThat(run.exited()).as("%s stopped by itself", module).isTrue();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("Axon Server at localhost:" + nobodyListens + " (context default) "
                + "could not be reached within PT3S");
        assertThat(run.output()).contains("falling back to 1 default profile: \"axonserver\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-command", "order-query", "saga-fulfilment"})
    void serviceWithoutTheSharedSecretsRefusesToStart(String module) throws Exception {
        Run run = run(module, "--server.port=0", "--spring.datasource.url=" + TestDatabase.create(),
                "--spring.datasource.username=" + TestDatabase.user(), "--cardflow.psp.webhook-secret=test",
                "--cardflow.axonserver.startup-timeout=PT3S");

        assertThat(run.exited()).isTrue();
        assertThat(run.output()).contains("CARDFLOW_CARD_KEY_SECRET must be set when the services run apart");
    }

    @Test
    void simulatorsRunOnTheirOwn() throws Exception {
        int port = PlatformProcess.freePort();
        Process simulators = start("simulators", List.of("--server.port=" + port,
                "--spring.datasource.url=" + TestDatabase.create(), "--spring.datasource.username=" + TestDatabase.user(),
                "--cardflow.psp.webhook-secret=test"), logFile("simulators"));
        try {
            HttpClient http = TestHttp.client();
            HttpRequest create = TestHttp.request(URI.create("http://localhost:" + port + "/simulator/psp/v1/payments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"merchantOrderId\":\"o-1\",\"amount\":\"1.00\","
                            + "\"currency\":\"EUR\",\"notifyUrl\":\"http://localhost:1/notify\"}"))
                    .build();
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() ->
                    http.send(create, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"PENDING\""));
        } finally {
            simulators.destroy();
            simulators.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private record Run(boolean exited, int exitCode, String output) {
    }

    private static Run run(String module, String... arguments) throws Exception {
        Path log = logFile(module);
        Process process = start(module, List.of(arguments), log);
        // a liveness guard, not a performance target: a start that hangs must not hang the build
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        return new Run(exited, exited ? process.exitValue() : -1, Files.readString(log));
    }

    private static Process start(String module, List<String> arguments, Path log) throws IOException {
        Path jar = executableJar(module);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path executableJar(String module) throws IOException {
        Path target = Path.of(System.getProperty("cardflow.service.jars", "..")).resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + "; build the reactor (mvn verify) first"));
        }
    }

    private static Path logFile(String module) throws IOException {
        Path logs = Path.of(System.getProperty("cardflow.test.logs", "target/process-logs"));
        Files.createDirectories(logs);
        return Files.createTempFile(logs, module + "-", ".log");
    }
}
