package dev.cardflow.simulator.psp;

import dev.cardflow.simulator.SimulatorProperties;
import dev.cardflow.simulator.chaos.ChaosKnobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PSP's notifications, sent like a real PSP sends them: signed, from an outbox in its own
 * database, retried with backoff until answered {@code SUCCESS} or until it gives up. Chaos may
 * delay, duplicate or (per payment) drop them.
 */
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Duration DUPLICATE_AFTER = Duration.ofMillis(300);
    private static final int BATCH = 50;

    private record Due(long id, String eventId, String notifyUrl, String body, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WebClient http;
    private final ObjectMapper json;
    private final SimulatorProperties properties;
    private Disposable poller;

    public Notifications(JdbcTemplate jdbc, TransactionTemplate tx, WebClient.Builder http, ObjectMapper json,
                         SimulatorProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.http = http.build();
        this.json = json;
        this.properties = properties;
    }

    /** Queues the notification of a payment's new status (inside the caller's transaction). */
    void enqueue(Payments.Payment payment, String status, ChaosKnobs chaos) {
        if (payment.dropCallbacks()) {
            log.info("PSP simulator: dropping the notification of payment {} (callbackDropRate)", payment.paymentId());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        body.put("eventId", eventId);
        body.put("paymentId", payment.paymentId());
        body.put("merchantOrderId", payment.merchantOrderId());
        body.put("status", status);
        body.put("amount", payment.amount());
        body.put("currency", payment.currency());
        Instant due = Instant.now().plusMillis(chaos.callbackDelayMs());
        insert(eventId, payment, write(body), due);
        if (ThreadLocalRandom.current().nextDouble() < chaos.callbackDuplicateRate()) {
            insert(eventId, payment, write(body), due.plus(DUPLICATE_AFTER));
        }
    }

    private void insert(String eventId, Payments.Payment payment, String body, Instant due) {
        jdbc.update("""
                insert into simulator.psp_notification (event_id, payment_id, notify_url, body, due_at, give_up_at)
                values (?, ?, ?, ?, ?, ?)""",
                eventId, payment.paymentId(), payment.notifyUrl(), body, Timestamp.from(due),
                Timestamp.from(due.plus(properties.notificationGiveUp())));
    }

    public void start() {
        poller = Flux.interval(properties.notificationPoll(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sendDue).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.warn("PSP simulator: notification poll failed: {}", e.toString());
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
                    select id, event_id, notify_url, body, attempts from simulator.psp_notification
                    where delivered_at is null and due_at <= now() and give_up_at > now()
                    order by due_at limit ? for update skip locked""",
                    (rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                    BATCH);
            for (Due d : claimed) {
                jdbc.update("update simulator.psp_notification set attempts = attempts + 1, due_at = ? where id = ?",
                        Timestamp.from(Instant.now().plus(backoff(d.attempts()))), d.id());
            }
            return claimed;
        });
        if (due != null) {
            due.forEach(this::send);
        }
    }

    private void send(Due notification) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        http.post()
                .uri(notification.notifyUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Cardflow-Timestamp", timestamp)
                .header("X-Cardflow-Signature", "sha256=" + sign(timestamp + "." + notification.body()))
                .bodyValue(notification.body())
                .retrieve()
                .bodyToMono(String.class)
                .timeout(Duration.ofSeconds(10))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(answer -> {
                    if ("SUCCESS".equals(answer.strip())) {
                        jdbc.update("update simulator.psp_notification set delivered_at = now(), last_error = null where id = ?",
                                notification.id());
                    } else {
                        failed(notification, "answered " + answer);
                    }
                }, error -> failed(notification, error.toString()));
    }

    private void failed(Due notification, String why) {
        log.info("PSP simulator: notification {} not acknowledged ({}); will retry", notification.eventId(), why);
        jdbc.update("update simulator.psp_notification set last_error = ? where id = ?",
                why.length() > 500 ? why.substring(0, 500) : why, notification.id());
    }

    private static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 10));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
