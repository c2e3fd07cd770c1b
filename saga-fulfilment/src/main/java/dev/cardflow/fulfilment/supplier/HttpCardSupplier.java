package dev.cardflow.fulfilment.supplier;

import dev.cardflow.fulfilment.resilience.OutboundCalls;
import dev.cardflow.infrastructure.web.LocalServer;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A {@link CardSupplier} over the supplier HTTP API (API.md, "Card suppliers"), under its own policies. */
public class HttpCardSupplier implements CardSupplier {

    private record IssueBody(String requestId, List<String> cardKeys) {
    }

    private final String name;
    private final String baseUrl;
    private final WebClient http;
    private final Environment environment;
    private final OutboundCalls calls;

    /** {@code name} is {@code primary} or {@code backup}; its policies are {@code supplier-<name>}. */
    public HttpCardSupplier(String name, String baseUrl, WebClient.Builder http, Environment environment,
                            OutboundCalls calls) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.http = http.build();
        this.environment = environment;
        this.calls = calls;
    }

    @Override
    public String name() {
        return name;
    }

    public String policies() {
        return "supplier-" + name;
    }

    @Override
    public CompletableFuture<List<String>> issue(String requestId, String sku, int quantity) {
        Mono<IssueBody> call = Mono.defer(() -> http.post()
                .uri(LocalServer.url(environment, baseUrl, "/simulator/suppliers/" + name) + "/v1/issue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "sku", sku, "quantity", quantity))
                .retrieve()
                .bodyToMono(IssueBody.class));
        return calls.guard(policies(), call)
                .map(body -> {
                    if (body.cardKeys() == null || body.cardKeys().size() != quantity) {
                        throw new IllegalStateException("supplier " + name + " answered "
                                + (body.cardKeys() == null ? 0 : body.cardKeys().size()) + " keys for " + quantity);
                    }
                    return body.cardKeys();
                })
                .toFuture();
    }
}
