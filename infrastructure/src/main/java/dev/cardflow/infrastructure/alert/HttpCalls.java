package dev.cardflow.infrastructure.alert;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Runs a channel's HTTP call with a timeout, turning its failure into a message that names no URL (it may hold a token). */
final class HttpCalls {

    private HttpCalls() {
    }

    static <T> T call(String callee, Mono<T> call, Duration timeout) {
        try {
            return call.timeout(timeout).block();
        } catch (WebClientResponseException e) {
            throw new IllegalStateException(callee + " answered HTTP " + e.getStatusCode().value());
        } catch (WebClientRequestException e) {
            Throwable cause = e.getMostSpecificCause();
            throw new IllegalStateException(callee + " could not be reached: " + cause.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // block() wraps the checked TimeoutException of Mono.timeout
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException(callee + " did not answer within " + timeout);
            }
            throw new IllegalStateException(callee + " failed: " + e.getClass().getSimpleName());
        }
    }
}
