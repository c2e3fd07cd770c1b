package dev.cardflow.infrastructure.web;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.infrastructure.limits.ClientLimits;
import dev.cardflow.infrastructure.logging.RequestTraceFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemResponses responses = new ProblemResponses(json);

    private record Answer(int status, MediaType contentType, HttpHeaders headers, JsonNode body) {
    }

    private Answer answer(Throwable error) {
        return answer(MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders")), error);
    }

    private Answer answer(MockServerWebExchange exchange, Throwable error) {
        responses.handle(exchange, error).block();
        var response = exchange.getResponse();
        try {
            return new Answer(response.getStatusCode().value(), response.getHeaders().getContentType(),
                    response.getHeaders(), json.readTree(response.getBodyAsString().block()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInvalidCommandIsA400ProblemNamingTheField() {
        Answer answer = answer(new InvalidCommand("invalid-email", "email", "email is not a valid email address."));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.body().path("type").asText()).isEqualTo("/problems/invalid-email");
        assertThat(answer.body().path("title").asText()).isEqualTo("Invalid request");
        assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .isEqualTo("email is not a valid email address.");
    }

    @Test
    void aRefusalThatCameBackThroughAxonServerKeepsItsStatusAndCode() {
        var remote = new CommandExecutionException("Order o is DELIVERED and cannot be cancelled.", null,
                new Refusal(Refusal.Kind.CONFLICT, "order-status-conflict", "Order o is DELIVERED and cannot be cancelled."));

        Answer answer = answer(new CompletionException(remote));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("type").asText()).isEqualTo("/problems/order-status-conflict");
        assertThat(answer.body().has("errors")).isFalse();
    }

    @Test
    void aBugIsA500WithTheRequestsTraceIdAndIsLogged(CapturedOutput output) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders"));
        exchange.getAttributes().put(RequestTraceFilter.ATTRIBUTE, "4bf92f3577b34da6a3ce929d0e0e4736");

        Answer answer = answer(exchange, new IllegalArgumentException("index -1 out of bounds"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().path("type").asText()).isEqualTo("/problems/internal-error");
        assertThat(answer.body().path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(answer.body().path("detail").asText()).doesNotContain("index -1");
        assertThat(output.getAll()).contains("Unhandled error on POST /api/orders").contains("index -1 out of bounds");
    }

    @Test
    void anIllegalStateIsA500TooNotA4xx() {
        Answer answer = answer(new IllegalStateException("saga lost its state"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().path("traceId").asText()).isNotBlank();
    }

    @Test
    void theWebLayersOwnRefusalKeepsItsStatusAndHeaders() {
        Answer answer = answer(ClientLimits.tooMany("rate-limited", "Too many requests.", 7));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(answer.body().path("type").asText()).isEqualTo("/problems/rate-limited");
    }

    @Test
    void anOversizedBodyIsA413() {
        Answer answer = answer(new DataBufferLimitException("Exceeded limit on max bytes to buffer"));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("type").asText()).isEqualTo("/problems/payload-too-large");
    }
}
