package dev.cardflow.simulator;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** Runs the simulators' JDBC work off the event loop. */
public final class Offload {

    private Offload() {
    }

    public static <T> Mono<T> jdbc(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
