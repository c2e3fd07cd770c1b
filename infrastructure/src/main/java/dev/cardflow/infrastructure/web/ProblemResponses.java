package dev.cardflow.infrastructure.web;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.infrastructure.logging.LogContext;
import dev.cardflow.infrastructure.logging.RequestTraceFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where failures become answers: every exception that leaves a handler, a filter
 * or the router turns into an {@code application/problem+json} body here. Only refusals — a
 * {@link DomainRefusal} (an {@code InvalidCommand} with its field), a {@link ProblemException}, a
 * request the framework could not read — become 4xx; anything else is a bug and becomes a logged
 * {@code 500} with the request's {@code traceId}, whatever its exception type.
 */
@Order(-2)
public class ProblemResponses implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders extraHeaders = error instanceof ProblemException p ? p.headers() : HttpHeaders.EMPTY;
        Problem problem = toProblem(exchange, error);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().putAll(extraHeaders);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The problem an exception stands for. */
    public static Problem toProblem(ServerWebExchange exchange, Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ProblemException p) {
            return p.problem();
        }
        Optional<Refusal> refusal = DomainRefusal.of(e);
        if (refusal.isPresent()) {
            return problemOf(refusal.get());
        }
        if (e instanceof AggregateNotFoundException) {
            return Problem.of(404, "not-found", "Not found", "No such resource.");
        }
        if (e instanceof AggregateStreamCreationException) {
            return Problem.of(409, "already-exists", "Conflict", "It exists already.");
        }
        if (e instanceof WebExchangeBindException bind) {
            var errors = bind.getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                    .toList();
            return Problem.of(400, "invalid-request", "Invalid request", "The request has invalid fields.")
                    .with("errors", errors);
        }
        if (e instanceof DataBufferLimitException || hasCause(e, DataBufferLimitException.class)) {
            return Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large.");
        }
        if (e instanceof ServerWebInputException input) {
            if (hasCause(input, DataBufferLimitException.class)) {
                return Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large.");
            }
            String detail = hasCause(input, DecodingException.class)
                    ? "The request body is not valid JSON for this endpoint."
                    : Optional.ofNullable(input.getReason()).orElse("The request is malformed.");
            return Problem.of(400, "invalid-request", "Invalid request", detail);
        }
        if (e instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            return Problem.of(code, codeFor(code), title(code),
                    Optional.ofNullable(status.getReason()).orElse(title(code) + "."));
        }
        String traceId = Optional.ofNullable(RequestTraceFilter.traceIdOf(exchange)).orElseGet(LogContext::newTraceId);
        try {
            LogContext.withTrace(traceId, () -> {
                log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), e);
                return null;
            });
        } catch (Exception logging) {
            // logging itself failed: the answer must still go out
        }
        return Problem.of(500, "internal-error", "Internal error",
                        "Something went wrong on our side; the request may be retried. Quote the traceId when reporting it.")
                .with("traceId", traceId);
    }

    /** A refusal as a problem; one naming a field lists it under {@code errors}, like a form's field errors. */
    static Problem problemOf(Refusal refusal) {
        int status = refusal.kind().status();
        // the same title as the web layer's own 400s (ProblemException.badRequest)
        String title = status == 400 ? "Invalid request" : title(status);
        Problem problem = Problem.of(status, refusal.code(), title, refusal.detail());
        if (refusal.field() == null) {
            return problem;
        }
        return problem.with("errors", List.of(Map.of("field", refusal.field(), "message", refusal.detail())));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal-error" : "invalid-request";
        };
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
