package dev.cardflow.simulator.chaos;

import dev.cardflow.simulator.Offload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chaos of the simulated systems, kept in the simulator's database so that every platform
 * instance meets the same outside world, and applied to each call it is asked to disturb.
 */
public class Chaos {

    public static final Duration HANG = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Chaos(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ChaosKnobs knobs(String target) {
        return jdbc.query("select knobs from simulator.chaos where target = ?", (rs, n) -> read(rs.getString(1)), target)
                .stream().findFirst().orElse(ChaosKnobs.CALM);
    }

    public ChaosKnobs change(String target, ChaosKnobs.ChaosChange change) {
        ChaosKnobs changed = knobs(target).with(change);
        jdbc.update("insert into simulator.chaos (target, knobs) values (?, ?) on conflict (target) do update set knobs = excluded.knobs",
                target, write(changed));
        return changed;
    }

    /**
     * Completes after the target's latency (and, for its share of calls, its 30-second hang), or
     * fails with a 503 for its share of failures.
     */
    public Mono<Void> disturb(ChaosKnobs knobs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long delay = knobs.latencyMs() + (knobs.jitterMs() > 0 ? random.nextLong(knobs.jitterMs() + 1) : 0);
        if (random.nextDouble() < knobs.timeoutRate()) {
            delay += HANG.toMillis();
        }
        Mono<Void> wait = delay > 0 ? Mono.delay(Duration.ofMillis(delay)).then() : Mono.empty();
        if (random.nextDouble() < knobs.failureRate()) {
            return wait.then(Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "simulated failure")));
        }
        return wait;
    }

    /** Runs {@code work} (blocking, off the event loop) once the target's chaos let the call through. */
    public <T> Mono<T> disturbed(String target, Callable<T> work) {
        return Offload.jdbc(() -> knobs(target)).flatMap(this::disturb).then(Offload.jdbc(work));
    }

    private ChaosKnobs read(String text) {
        try {
            return json.readValue(text, ChaosKnobs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(ChaosKnobs knobs) {
        try {
            return json.writeValueAsString(knobs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
