package dev.cardflow.order.command.order;

import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.axon.JsonColumns;
import dev.cardflow.infrastructure.logging.LogContext;
import dev.cardflow.order.command.CommandSideProperties;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the PlaceOrder commands of accepted placements. A placement is answered {@code 202} once its
 * reservation row holds its command ({@link UnpaidOrders#reserve}); the command is sent here right after, on a
 * few threads of their own, so a burst of placements is accepted at the pace of one small transaction each and
 * placed at the pace of the command side. A command that was not sent — the process died, the command failed —
 * stays in its row and is sent again by the sweep (every instance sweeps; at start-up every waiting one, later
 * those waiting longer than {@code cardflow.command.placement-resend-after}). Sending one twice changes nothing:
 * the order's handler confirms a repeat with the same request fingerprint. At most {@value #MAX_WAITING} wait in
 * memory; under an overload that lasts, the rest wait in their rows for the sweep.
 */
@Component
public class Placements {

    private static final Logger log = LoggerFactory.getLogger(Placements.class);
    private static final TypeReference<Queued> QUEUED = new TypeReference<>() {
    };
    private static final TypeReference<PlaceOrder> COMMAND = new TypeReference<>() {
    };
    private static final int SWEEP_BATCH = 1000;
    /**
     * The most accepted placements kept in memory to be sent; beyond it (an overload that lasts) the reservation
     * rows hold them until the sweep, so memory stays bounded.
     */
    private static final int MAX_WAITING = 10_000;

    /** What a reservation row holds until the order is placed: the command and its metadata. */
    record Queued(PlaceOrder command, Map<String, String> metaData) {

        static Queued of(CommandMessage<PlaceOrder> message) {
            Map<String, String> meta = new HashMap<>();
            message.getMetaData().forEach((key, value) -> meta.put(key, String.valueOf(value)));
            return new Queued(message.getPayload(), meta);
        }

        CommandMessage<PlaceOrder> message() {
            return new GenericCommandMessage<>(command).andMetaData(metaData);
        }

        String json() {
            return JsonColumns.write(this);
        }

        static Queued fromJson(String json) {
            return JsonColumns.read(json, QUEUED);
        }

        /** The command alone, from the JSON of its {@code command} field. */
        static PlaceOrder command(String json) {
            return JsonColumns.read(json, COMMAND);
        }
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Duration resendAfter;
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService sweeper;
    /** Orders whose command this instance is sending or is about to send. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public Placements(CommandGateway commands, JdbcTemplate jdbc, CommandSideProperties properties,
                      MeterRegistry meters) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.resendAfter = properties.placementResendAfter();
        int threads = Math.max(1, properties.placementSenders());
        this.senders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new CustomizableThreadFactory("placements-"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("placement-sweep-"));
        Gauge.builder("cardflow.placements.waiting", inFlight, Set::size)
                .description("Accepted placements of this instance whose order is not placed yet")
                .register(meters);
    }

    /** Sends an accepted placement's command; its reservation row holds it until the order is placed. */
    void send(CommandMessage<PlaceOrder> message) {
        String orderId = message.getPayload().orderId();
        if (inFlight.add(orderId)) {
            submit(orderId, message);
        }
    }

    /** Once the application runs: every waiting placement now (a restart), later those waiting too long. */
    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        long every = Math.max(1000, resendAfter.toMillis() / 3);
        sweeper.execute(() -> sweep(Instant.now()));
        sweeper.scheduleWithFixedDelay(() -> sweep(Instant.now().minus(resendAfter)), every, every,
                TimeUnit.MILLISECONDS);
    }

    /** Sends again the commands of placements accepted before {@code acceptedBefore} and still waiting. */
    void sweep(Instant acceptedBefore) {
        try {
            var waiting = jdbc.queryForList("""
                    select order_id, pending_command::text as pending from command_order_reservation
                    where pending_command is not null and reserved_at < ? order by reserved_at limit ?""",
                    Timestamp.from(acceptedBefore), SWEEP_BATCH);
            for (var row : waiting) {
                String orderId = (String) row.get("order_id");
                if (inFlight.add(orderId)) {
                    log.info("Order {}: sending the placement again (accepted, not placed yet)", orderId);
                    submit(orderId, Queued.fromJson((String) row.get("pending")).message());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for accepted placements not placed yet; trying again later", e);
        }
    }

    private void submit(String orderId, CommandMessage<PlaceOrder> message) {
        if (senders.getQueue().size() >= MAX_WAITING) {
            inFlight.remove(orderId); // its row keeps it: the sweep sends it once there is room
            return;
        }
        try {
            senders.execute(() -> place(orderId, message));
        } catch (RuntimeException e) { // shutting down: the row keeps it for the next start
            inFlight.remove(orderId);
        }
    }

    private void place(String orderId, CommandMessage<PlaceOrder> message) {
        MDC.put(LogContext.ORDER_ID, orderId);
        try {
            commands.sendAndWait(message); // the row is cleared when UnpaidOrders sees the order placed
        } catch (OrderRefused.IdempotencyKeyReused e) {
            // an order of this id exists with another request (placed before its reservation row held commands):
            // that order is the one the key names; this command can never be placed
            log.error("Order {}: an accepted placement met an order of another request; dropped", orderId);
            UnpaidOrders.placed(jdbc, orderId);
        } catch (RuntimeException e) {
            log.warn("Order {}: could not place the accepted order yet; it is sent again within {}", orderId,
                    resendAfter, e);
        } finally {
            inFlight.remove(orderId);
            MDC.remove(LogContext.ORDER_ID);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sweeper.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            senders.shutdownNow(); // what is left stays in the reservation rows for the next start
        }
    }
}
