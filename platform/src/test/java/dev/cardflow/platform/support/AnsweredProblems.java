package dev.cardflow.platform.support;

import dev.cardflow.infrastructure.web.Problem;
import dev.cardflow.infrastructure.web.ProblemResponses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes down every problem the platform answers during the integration tests — method, route, status and problem
 * type — in {@code target/answered-problems.txt}, so that {@code DocumentedProblemsIT} (api-contract) can check that
 * every refusal that really happened is one the API description documents for that operation. Only in the tests'
 * application contexts (it lives in the test sources).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AnsweredProblems implements WebFilter {

    public static final Path RECORD = Path.of("target", "answered-problems.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        try {
            // one record per test run (failsafe runs every IT in one JVM)
            Files.deleteIfExists(RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var response = exchange.getResponse();
        var recording = new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(getHeaders().getContentType())) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    record(exchange, bytes);
                    return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                });
            }
        };
        // a refusal thrown by a handler is answered by ProblemResponses outside the filters: recorded as it will be
        return chain.filter(exchange.mutate().response(recording).build())
                .doOnError(error -> {
                    Problem problem = ProblemResponses.toProblem(exchange, error);
                    record(exchange, problem.status(), problem.type());
                });
    }

    private static void record(ServerWebExchange exchange, byte[] body) {
        try {
            JsonNode problem = JSON.readTree(body);
            record(exchange, problem.path("status").asInt(), problem.path("type").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line: method, the matched route (or - when no handler was chosen), the request's path, status, type. */
    private static void record(ServerWebExchange exchange, int status, String type) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern instanceof PathPattern p ? p.getPatternString() : "-";
        String line = exchange.getRequest().getMethod().name() + " " + route + " "
                + exchange.getRequest().getPath().pathWithinApplication().value() + " " + status + " " + type + "\n";
        try {
            synchronized (AnsweredProblems.class) {
                Files.createDirectories(RECORD.getParent());
                Files.writeString(RECORD, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
