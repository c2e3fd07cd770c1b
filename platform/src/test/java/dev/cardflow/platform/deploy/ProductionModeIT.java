package dev.cardflow.platform.deploy;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.TestHttp;

import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's jar in production mode, run as a user runs it: without a required variable it
 * stops at once naming it; with every one it runs with nothing of the simulators reachable.
 */
class ProductionModeIT {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String RECEIPT_KEY = receiptSigningKey();
    private static final String ROTATED_OUT_KEY = receiptSigningKey();

    @Test
    void productionWithoutThePublicUrlRefusesToStartNamingIt() throws Exception {
        Map<String, String> environment = Map.of(
                "CARDFLOW_MODE", "production",
                "CARDFLOW_ADMIN_PASSWORD", "admin-password-value",
                "CARDFLOW_CARD_KEY_SECRET", SECRET,
                "CARDFLOW_TOKEN_SECRET", SECRET,
                "CARDFLOW_RECEIPT_SIGNING_KEY", RECEIPT_KEY,
                "CARDFLOW_PAYMENT_PROVIDERS", "stripe",
                "CARDFLOW_STRIPE_SECRET_KEY", "sk_test_value",
                "CARDFLOW_STRIPE_WEBHOOK_SECRET", "whsec_value");
        Path log = Files.createTempFile(logs(), "production-refused-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", System.getProperty("cardflow.platform.jar"),
                "--server.port=" + PlatformProcess.freePort(),
                "--spring.datasource.url=" + TestDatabase.create(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CARDFLOW_"));
        builder.environment().putAll(environment);

        Process platform = builder.start();
        // a liveness guard, not a performance target: a start that hangs must not hang the build
        boolean exited = platform.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            platform.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(exited).as("the platform stopped by itself").isTrue();
        assertThat(platform.exitValue()).isNotZero();
        assertThat(output).contains("ERROR").contains("Production mode needs CARDFLOW_PUBLIC_URL")
                .doesNotContain(SECRET, RECEIPT_KEY, "admin-password-value", "sk_test_value", "whsec_value")
                .doesNotContain("Exception", "Demo mode");
        assertThat(output.lines().filter(line -> line.contains("ERROR"))).hasSize(1);
    }

    @Test
    void productionWithEverySecretRunsWithNothingOfTheSimulators() throws Exception {
        int port = PlatformProcess.freePort();
        try (PlatformProcess platform = new PlatformProcess(port, TestDatabase.create(),
                "--cardflow.mode=production",
                "--cardflow.security.card-key-secret=" + SECRET,
                "--cardflow.security.token-secret=" + SECRET,
                "--cardflow.receipts.signing-key=" + RECEIPT_KEY,
                "--cardflow.receipts.previous-public-keys=" + publicKeyOf(ROTATED_OUT_KEY),
                "--cardflow.public-url=https://shop.example.com",
                "--cardflow.payment.providers=stripe",
                "--cardflow.payment.stripe.secret-key=sk_test_value",
                "--cardflow.payment.stripe.webhook-secret=whsec_value",
                "--cardflow.payment.stripe.api-base=http://127.0.0.1:1").start()) {
            HttpClient http = TestHttp.client();
            String base = "http://localhost:" + platform.port();

            assertThat(send(http, TestHttp.request(URI.create(base + "/simulator/psp/v1/payments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"merchantOrderId\":\"o-1\",\"amount\":\"1.00\","
                            + "\"currency\":\"EUR\",\"notifyUrl\":\"http://localhost:1/notify\"}")).build()).statusCode())
                    .isEqualTo(404);
            for (String path : List.of("/simulator/psp/pay/x", "/simulator/psp/pay.css", "/simulator/psp/pay.js",
                    "/simulator/suppliers/primary/v1/simulation", "/simulator/mailbox/v1/messages",
                    "/simulator/psp/v1/simulation")) {
                HttpResponse<String> answer = get(http, base + path);
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            }
            // spellings a server may normalise: decided on the normalised path, answered alike
            assertThat(rawStatus(port, "/%73imulator/psp/v1/simulation")).isEqualTo(404);
            assertThat(rawStatus(port, "//simulator/psp/v1/simulation")).isEqualTo(404);

            HttpResponse<String> storefront = get(http, base + "/");
            assertThat(storefront.statusCode()).isEqualTo(200);
            assertThat(storefront.body()).contains("/dom.js", "/shop.js");
            assertThat(get(http, base + "/dom.js").statusCode()).isEqualTo(200);

            HttpResponse<String> shop = get(http, base + "/api/shop");
            assertThat(shop.statusCode()).isEqualTo(200);
            assertThat(shop.body()).isEqualTo("{\"mode\":\"production\"}");

            HttpResponse<String> receiptKeys = get(http, base + "/api/receipt-keys");
            assertThat(receiptKeys.statusCode()).isEqualTo(200);
            assertThat(receiptKeys.body()).as("the configured key, not a generated one, and the one rotated out")
                    .contains(publicKeyOf(RECEIPT_KEY), publicKeyOf(ROTATED_OUT_KEY));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return send(http, TestHttp.request(URI.create(url)).GET().build());
    }

    /** Every request carries {@link TestHttp#REQUEST_TIMEOUT}: a liveness guard, not a performance assertion. */
    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET sent with its path exactly as written, which java.net's clients would tidy. */
    private static int rawStatus(int port, String path) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static Path logs() throws Exception {
        Path logs = Path.of(System.getProperty("cardflow.test.logs", "target/process-logs"));
        Files.createDirectories(logs);
        return logs;
    }

    private static String receiptSigningKey() {
        try {
            return Base64.getEncoder().encodeToString(
                    java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 X.509 public key of a base64 PKCS#8 Ed25519 private key (its last 32 bytes are the seed). */
    private static String publicKeyOf(String privateKey) {
        return new dev.cardflow.fulfilment.receipt.ReceiptKeys(Base64.getDecoder().decode(privateKey), List.of())
                .published().get(0).publicKey();
    }
}
