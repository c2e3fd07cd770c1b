package dev.cardflow.simulator.outbox;

import dev.cardflow.simulator.chaos.ChaosKnobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The notifications of every simulated provider, sent like real providers send them: from an
 * outbox in the simulator's database, retried with backoff until acknowledged or until it gives
 * up. Chaos may delay or duplicate them (dropping is the caller's choice: it is decided per payment).
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Duration DUPLICATE_AFTER = Duration.ofMillis(300);
    private static final int BATCH = 50;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /**
     * A request prepared for sending.
     *
     * @param source          the simulated provider that sends it (psp, stripe, epay), for logs and queries
     * @param eventId         the provider's id of what is notified
     * @param method          GET or POST
     * @param url             where to, with any query already in it
     * @param headers         sent as they are (a content type among them when there is a body)
     * @param body            the body, or null
     * @param signer          the name of the {@link Signer} that adds headers at each attempt, or null
     * @param acknowledgement the answer body that acknowledges it (compared stripped); null: any 2xx
     */
    public record Notification(String source, String eventId, String method, String url, Map<String, String> headers,
                               String body, String signer, String acknowledgement) {
    }

    /** Adds headers to each attempt: signatures that carry the time of sending, as real providers sign. */
    @FunctionalInterface
    public interface Signer {
        Map<String, String> headers(String body, Instant now);
    }

    private record Due(long id, String source, String eventId, String method, String url, String headers,
                       String body, String signer, String acknowledgement, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WebClient http;
    private final ObjectMapper json;
    private final Duration giveUp;
    private final Duration poll;
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();
    private Disposable poller;

    public Outbox(JdbcTemplate jdbc, TransactionTemplate tx, WebClient.Builder http, ObjectMapper json,
                  Duration giveUp, Duration poll) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.http = http.build();
        this.json = json;
        this.giveUp = giveUp;
        this.poll = poll;
    }

    /** Makes {@code signer} known under {@code name} (a notification names its signer, kept in the database). */
    public void register(String name, Signer signer) {
        signers.put(name, signer);
    }

    /** Queues a notification (inside the caller's transaction), delayed and perhaps duplicated as chaos says. */
    public void enqueue(Notification notification, ChaosKnobs chaos) {
        Instant due = Instant.now().plusMillis(chaos.callbackDelayMs());
        enqueue(notification, due);
        if (ThreadLocalRandom.current().nextDouble() < chaos.callbackDuplicateRate()) {
            enqueue(notification, due.plus(DUPLICATE_AFTER));
        }
    }

    /** Queues a notification to be first sent at {@code due}. */
    public void enqueue(Notification n, Instant due) {
        jdbc.update("""
                insert into simulator.outbox_notification (source, event_id, method, url, headers, body, signer,
                    acknowledgement, due_at, give_up_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                n.source(), n.eventId(), n.method(), n.url(), write(n.headers()), n.body(), n.signer(),
                n.acknowledgement(), Timestamp.from(due), Timestamp.from(due.plus(giveUp)));
    }

    public void start() {
        poller = Flux.interval(poll, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sendDue).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.warn("Simulator outbox: poll failed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    public void stop() {
        if (poller != null) {
            poller.dispose();
        }
    }

    /** Claims the due notifications (pushing each one's next attempt out), then sends them. */
    void sendDue() {
        List<Due> due = tx.execute(t -> {
            List<Due> claimed = jdbc.query("""
                    select id, source, event_id, method, url, headers, body, signer, acknowledgement, attempts
                    from simulator.outbox_notification
                    where delivered_at is null and due_at <= now() and give_up_at > now()
                    order by due_at limit ? for update skip locked""",
                    (rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getInt(10)),
                    BATCH);
            for (Due d : claimed) {
                jdbc.update("update simulator.outbox_notification set attempts = attempts + 1, due_at = ? where id = ?",
                        Timestamp.from(Instant.now().plus(backoff(d.attempts()))), d.id());
            }
            return claimed;
        });
        if (due != null) {
            due.forEach(this::send);
        }
    }

    private void send(Due notification) {
        Map<String, String> headers = read(notification.headers());
        if (notification.signer() != null) {
            Signer signer = signers.get(notification.signer());
            if (signer == null) {
                failed(notification, "no signer " + notification.signer() + " (yet)");
                return;
            }
            try {
                headers.putAll(signer.headers(notification.body(), Instant.now()));
            } catch (RuntimeException e) {
                // e.g. no secret configured yet: this one waits, the others of the batch still go
                failed(notification, "cannot sign: " + e);
                return;
            }
        }
        WebClient.RequestBodySpec request = http.method(HttpMethod.valueOf(notification.method()))
                .uri(URI.create(notification.url()))
                .headers(h -> headers.forEach(h::set));
        (notification.body() != null ? request.bodyValue(notification.body()) : request)
                .retrieve()
                .toEntity(String.class)
                .timeout(Duration.ofSeconds(10))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(answer -> {
                    if (acknowledged(notification, answer)) {
                        jdbc.update("update simulator.outbox_notification set delivered_at = now(), last_error = null where id = ?",
                                notification.id());
                    } else {
                        failed(notification, "answered " + answer.getStatusCode().value() + " " + answer.getBody());
                    }
                }, error -> failed(notification, error.toString()));
    }

    private static boolean acknowledged(Due notification, ResponseEntity<String> answer) {
        if (!answer.getStatusCode().is2xxSuccessful()) {
            return false;
        }
        return notification.acknowledgement() == null
                || notification.acknowledgement().equals(answer.getBody() == null ? "" : answer.getBody().strip());
    }

    private void failed(Due notification, String why) {
        log.info("{} simulator: notification {} not acknowledged ({}); will retry", notification.source(),
                notification.eventId(), why);
        jdbc.update("update simulator.outbox_notification set last_error = ? where id = ?",
                why.length() > 500 ? why.substring(0, 500) : why, notification.id());
    }

    private static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 10));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private Map<String, String> read(String headers) {
        try {
            return new LinkedHashMap<>(json.readValue(headers, HEADERS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
