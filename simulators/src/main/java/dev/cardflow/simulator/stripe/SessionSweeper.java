package dev.cardflow.simulator.stripe;

import dev.cardflow.simulator.chaos.ChaosKnobs;
import dev.cardflow.simulator.chaos.Chaos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What happens at Stripe with time: open sessions past their {@code expires_at} expire, and
 * asynchronous payments settle, each with its event.
 */
public class SessionSweeper {

    private static final Logger log = LoggerFactory.getLogger(SessionSweeper.class);

    private final CheckoutSessions sessions;
    private final StripeEvents events;
    private final Chaos chaos;
    private final StripeSimulatorProperties properties;
    private Disposable poller;

    public SessionSweeper(CheckoutSessions sessions, StripeEvents events, Chaos chaos,
                          StripeSimulatorProperties properties) {
        this.sessions = sessions;
        this.events = events;
        this.chaos = chaos;
        this.properties = properties;
    }

    public void start() {
        poller = Flux.interval(properties.sweepInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sweep).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.warn("Stripe simulator: sweep failed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    public void stop() {
        if (poller != null) {
            poller.dispose();
        }
    }

    void sweep() {
        ChaosKnobs knobs = chaos.knobs(StripeController.CHAOS);
        sessions.sweep(expired -> events.enqueue("checkout.session.expired", expired, knobs),
                paid -> events.enqueue("checkout.session.async_payment_succeeded", paid, knobs));
    }
}
