package dev.cardflow.infrastructure.web;

import dev.cardflow.infrastructure.logging.LogContext;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * Runs blocking work (JDBC, the synchronous command bus) off the Netty event loop, on Reactor's
 * bounded elastic scheduler, with the request's trace id in the MDC and its observation (the HTTP server
 * span, when tracing is on) current — so the commands it sends carry both.
 */
public final class Blocking {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private Blocking() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.deferContextual(context -> {
            String traceId = context.getOrDefault(LogContext.TRACE_ID, null);
            return Mono.fromCallable(() -> {
                try (ContextSnapshot.Scope ignored = SNAPSHOTS.setThreadLocalsFrom(context)) {
                    return LogContext.withTrace(traceId, work);
                }
            });
        }).subscribeOn(Schedulers.boundedElastic());
    }

    public static Mono<Void> run(Runnable work) {
        return call(() -> {
            work.run();
            return null;
        }).then();
    }
}
