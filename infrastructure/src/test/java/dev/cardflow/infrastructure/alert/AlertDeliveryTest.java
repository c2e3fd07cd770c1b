package dev.cardflow.infrastructure.alert;

import dev.cardflow.infrastructure.testing.TestDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert store and delivery on real PostgreSQL: the quiet period holds across instances raising at the same
 * moment, and a failing channel is tried again with a growing wait, then given up, each try's outcome stored.
 */
class AlertDeliveryTest {

    private static TestDatabase.Migrated database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migrated("classpath:db/migration/infrastructure");
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void twoInstancesRaisingTheSameAlertAtTheSameMomentMakeOneAlert() throws Exception {
        Alerts first = alerts(properties(Duration.ofMinutes(30), 3), List.of());
        Alerts second = alerts(properties(Duration.ofMinutes(30), 3), List.of());
        String subject = "supplier-" + UUID.randomUUID();
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> raised = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Alerts instance = i % 2 == 0 ? first : second;
                Callable<Boolean> raise = () -> {
                    start.await();
                    return instance.raise(AlertKind.CIRCUIT_OPEN, subject, "opened", "/admin/#system");
                };
                raised.add(pool.submit(raise));
            }
            start.countDown();
            int made = 0;
            for (Future<Boolean> r : raised) {
                made += r.get() ? 1 : 0;
            }
            assertThat(made).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        AlertStore.Listed listed = listed(AlertKind.CIRCUIT_OPEN, subject);
        assertThat(listed.repeats()).isEqualTo(racers - 1);
        assertThat(listed.severity()).isEqualTo("critical");
    }

    @Test
    void theSameAlertIsRaisedAgainOnceItsQuietPeriodIsOver() {
        Alerts alerts = alerts(properties(Duration.ZERO, 3), List.of());
        String product = "product-" + UUID.randomUUID();

        assertThat(alerts.raise(AlertKind.LOW_STOCK, product, "1 left", null)).isTrue();
        assertThat(alerts.raise(AlertKind.LOW_STOCK, product, "0 left", null)).isTrue();

        assertThat(store().recent(Optional.of(AlertKind.LOW_STOCK), 500))
                .filteredOn(a -> a.subject().equals(product)).hasSize(2);
    }

    @Test
    void channelThatKeepsFailingIsTriedWithGrowingWaitsThenGivenUp() {
        AtomicInteger tries = new AtomicInteger();
        AlertChannel broken = channel("webhook", alert -> {
            tries.incrementAndGet();
            throw new IllegalStateException("the webhook answered HTTP 503");
        });
        AtomicInteger sent = new AtomicInteger();
        AlertChannel working = channel("telegram", alert -> sent.incrementAndGet());
        AlertProperties properties = properties(Duration.ofMinutes(30), 3);
        AlertDelivery delivery = new AlertDelivery(store(), List.of(broken, working), properties, List.of());
        Alerts alerts = alerts(properties, delivery.channelNames());
        String order = "order-" + UUID.randomUUID();
        alerts.raise(AlertKind.REFUND_FAILED, order, "refund it by hand", "/admin/#order/" + order);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            delivery.deliverDue();
            return "failed".equals(outcome(order, "webhook").status());
        });

        AlertStore.Delivery webhook = outcome(order, "webhook");
        assertThat(webhook.attempts()).isEqualTo(3);
        assertThat(tries.get()).isEqualTo(3);
        assertThat(webhook.lastError()).isEqualTo("the webhook answered HTTP 503");
        assertThat(webhook.nextAttemptAt()).isNull();
        AlertStore.Delivery telegram = outcome(order, "telegram");
        assertThat(telegram.status()).isEqualTo("sent");
        assertThat(telegram.attempts()).isEqualTo(1);
        assertThat(sent.get()).isEqualTo(1);
        delivery.deliverDue();
        assertThat(tries.get()).as("nothing tried after giving up").isEqualTo(3);
    }

    @Test
    void waitBetweenTriesDoublesUpToItsCeiling() {
        AlertProperties properties = new AlertProperties(Duration.ofMinutes(30), "", "", "cardflow@localhost",
                new AlertProperties.Telegram("", "", "https://api.telegram.org"), "", 8, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(10));

        assertThat(List.of(1, 2, 3, 4, 5).stream().map(properties::backoff)).containsExactly(Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    private static AlertStore.Delivery outcome(String subject, String channel) {
        return listed(AlertKind.REFUND_FAILED, subject).deliveries().stream()
                .filter(d -> d.channel().equals(channel)).findFirst().orElseThrow();
    }

    private static AlertStore.Listed listed(AlertKind kind, String subject) {
        return store().recent(Optional.of(kind), 500).stream().filter(a -> a.subject().equals(subject)).findFirst()
                .orElseThrow();
    }

    /** Each call is an instance of its own, with its own connections, as another service or node would have. */
    private static AlertStore store() {
        DriverManagerDataSource connections = new DriverManagerDataSource(database.url(), TestDatabase.user(),
                TestDatabase.password());
        return new AlertStore(new JdbcTemplate(connections), new DataSourceTransactionManager(connections));
    }

    private static Alerts alerts(AlertProperties properties, List<String> channels) {
        return new Alerts(store(), properties, channels, () -> { }, new SimpleMeterRegistry());
    }

    private static AlertProperties properties(Duration quietPeriod, int maxAttempts) {
        return new AlertProperties(quietPeriod, "", "", "cardflow@localhost",
                new AlertProperties.Telegram("", "", "https://api.telegram.org"), "", maxAttempts,
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofSeconds(2));
    }

    private static AlertChannel channel(String name, java.util.function.Consumer<Alert> send) {
        return new AlertChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void send(Alert alert) {
                send.accept(alert);
            }
        };
    }
}
