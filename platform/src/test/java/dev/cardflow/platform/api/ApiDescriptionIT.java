package dev.cardflow.platform.api;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served API description against the routes the application really registers, and against the table that
 * describes each operation: nothing served is undocumented, nothing documented is not served, every operation says
 * who may call it and how it refuses. It also leaves the served documents in {@code target/api-docs}, from which the
 * {@code api-contract} module generates the client it tests with.
 */
@PlatformTest
class ApiDescriptionIT {

    private static final Path EXPORT = Path.of("target", "api-docs");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        Set<String> served = new TreeSet<>();
        controllers.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternsCondition().getPatterns()
                .forEach(pattern -> mapping.getMethodsCondition().getMethods().forEach(method ->
                        served.add(method.name() + " " + pattern.getPatternString()))));
        served.removeIf(route -> !route.split(" ")[1].matches("/(api|admin/api|simulator)/.*"));

        Set<String> documented = operations(document("")).stream().map(Op::key)
                .filter(key -> !key.startsWith("GET /actuator")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("the description lists exactly the served routes").isEqualTo(served);
        Set<String> described = ApiOperations.all().stream().map(ApiOperations.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> servedApi = served.stream().filter(route -> !route.contains(" /simulator/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(described).as("ApiOperations describes exactly the served API").isEqualTo(servedApi);
    }

    @Test
    void everyOperationSaysWhoMayCallItAndHowItRefuses() {
        for (String group : List.of("public", "admin")) {
            for (Op op : operations(document("/" + group))) {
                if (op.path().startsWith("/actuator")) {
                    continue; // Spring Boot's own endpoint, described by hand
                }
                JsonNode o = op.operation();
                assertThat(o.path("operationId").asText()).as(op.key()).doesNotContain("_");
                assertThat(o.path("responses").has("500")).as(op.key() + " documents its 500").isTrue();
                if (op.path().startsWith("/admin/api")) {
                    assertThat(o.path("security").toString()).as(op.key()).contains("operator");
                    assertThat(o.path("responses").has("401")).as(op.key()).isTrue();
                }
                if (op.path().startsWith("/api/orders/{orderId}")) {
                    assertThat(o.path("security").toString()).as(op.key()).contains("orderToken");
                    assertThat(o.path("responses").path("404").toString()).as(op.key()).contains("order-not-found");
                }
                o.path("responses").fields().forEachRemaining(answer -> {
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        assertThat(answer.getValue().path("content").has("application/problem+json"))
                                .as(op.key() + " " + answer.getKey() + " is a problem").isTrue();
                    }
                });
            }
        }
    }

    @Test
    void thePlacementAndTheOrderReadAreDescribedAsTheyAnswer() {
        JsonNode api = document("/public");
        JsonNode place = api.at("/paths/~1api~1orders/post/responses");
        assertThat(place.has("200")).isFalse();
        assertThat(place.at("/202/headers").has("Location")).isTrue();
        assertThat(place.at("/429/headers").has("Retry-After")).isTrue();
        assertThat(place.at("/400/content/application~1problem+json/examples").has("invalid-quantity")).isTrue();
        JsonNode read = api.at("/paths/~1api~1orders~1{orderId}/get");
        assertThat(read.at("/responses/200/headers").has("ETag")).isTrue();
        assertThat(read.at("/responses").has("304")).isTrue();
        assertThat(read.path("parameters").toString()).contains("If-None-Match").doesNotContain("Authorization");
        assertThat(api.at("/components/securitySchemes/orderToken/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/components/schemas/Problem/properties/type/enum").toString())
                .contains("/problems/rate-limited", "/problems/idempotency-key-reused");
        assertThat(api.at("/paths/~1api~1orders~1{orderId}~1updates/get/responses/200/content").has("text/event-stream"))
                .isTrue();
        JsonNode admin = document("/admin");
        assertThat(admin.at("/components/securitySchemes/operator/scheme").asText()).isEqualTo("basic");
        assertThat(admin.at("/paths/~1actuator~1prometheus/get/security").toString()).contains("metrics");
        assertThat(admin.at("/webhooks/operatorAlert/post/requestBody").isMissingNode()).isFalse();
    }

    private JsonNode document(String group) {
        String body = shop.http().get().uri("/v3/api-docs" + group).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        try {
            Files.createDirectories(EXPORT);
            Files.writeString(EXPORT.resolve((group.isEmpty() ? "all" : group.substring(1)) + ".json"), body,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return shop.json(body);
    }

    private record Op(String method, String path, JsonNode operation) {
        String key() {
            return method + " " + path;
        }
    }

    private static List<Op> operations(JsonNode api) {
        List<Op> ops = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                ops.add(new Op(op.getKey().toUpperCase(), path.getKey(), op.getValue()))));
        return ops;
    }
}
