package dev.cardflow.platform.support;

import dev.cardflow.infrastructure.testing.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The platform's executable jar run as a process of its own, as a user runs it — so a test can
 * kill it with SIGKILL (no shutdown hooks, nothing flushed) and start it again.
 */
public class PlatformProcess implements AutoCloseable {

    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path logs;
    private Process process;
    private int starts;

    public PlatformProcess(int port, String database, String... extraArguments) {
        this(platformJar(), port, database, extraArguments);
    }

    private PlatformProcess(Path jar, int port, String database, String... extraArguments) {
        this.jar = jar;
        this.port = port;
        this.arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--cardflow.admin.password=" + Shop.ADMIN_PASSWORD,
                "--cardflow.rate-limit-per-minute=1000000",
                "--cardflow.max-unpaid-orders=1000000"));
        this.arguments.addAll(List.of(extraArguments));
        this.logs = Path.of(System.getProperty("cardflow.test.logs", "target/process-logs"));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The running process's id (Axon names its node {@code pid@host} in the token store). */
    public long pid() {
        return process.pid();
    }

    /** One service run apart, from its own executable jar ({@code <module>/target/*-exec.jar}). */
    public static PlatformProcess service(String module, int port, String database, String... extraArguments) {
        Path target = Path.of(System.getProperty("cardflow.service.jars", "..")).resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            Path jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target));
            return new PlatformProcess(jar, port, database, extraArguments);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path platformJar() {
        String jar = System.getProperty("cardflow.platform.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("cardflow.platform.jar must name the built jar (run via mvn verify): " + jar);
        }
        return Path.of(jar);
    }

    /** Starts the jar and waits until {@code /actuator/health} answers UP. */
    public PlatformProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(logs);
            String name = jar.getFileName().toString().replace(".jar", "");
            Path log = logs.resolve(name + "-" + port + "-" + (++starts) + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitHealthy(http);
        } catch (RuntimeException | Error e) {
            // a try-with-resources never closes a resource whose start() threw: stop it here, or it outlives the test
            close();
            throw e;
        }
        return this;
    }

    private void awaitHealthy(HttpClient http) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + logs);
            }
            try {
                HttpResponse<String> health = http.send(TestHttp.request(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
