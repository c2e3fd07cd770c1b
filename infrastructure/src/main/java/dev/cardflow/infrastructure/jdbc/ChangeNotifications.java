package dev.cardflow.infrastructure.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * PostgreSQL's LISTEN/NOTIFY on one channel, for caches that must hear of every change committed by any
 * instance. {@link #changed} names what a transaction changed; the names reach every listening instance
 * when, and only if, that transaction commits (one notification per transaction, however many rows).
 * Each instance listens on one connection of its own, on a daemon thread. While it does not listen (at
 * start, after the connection broke) it {@link #listening() says so}, and a cache must not be trusted:
 * changes made meanwhile were not heard, and {@code onGap} runs each time listening stops or starts.
 */
public class ChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** The name that stands for every row (a rebuild, a bulk delete). */
    public static final String EVERYTHING = "*";
    /** A NOTIFY payload must stay below 8,000 bytes; names are joined up to this length. */
    private static final int PAYLOAD = 7_000;
    private static final String SEPARATOR = ",";
    private static final Duration WAIT = Duration.ofSeconds(1);
    /** How often an idle listening connection is checked (a silently dead socket delivers nothing). */
    private static final Duration CHECK = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onChange;
    private final Runnable onGap;
    private final Object lock = new Object();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread thread;

    /**
     * Listens on {@code channel}; {@code onChange} receives each name committed, {@code onGap} runs whenever
     * listening stops or starts again (what was heard before may be stale).
     */
    public ChangeNotifications(DataSource dataSource, String channel, Consumer<String> onChange, Runnable onGap) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.onChange = onChange;
        this.onGap = onGap;
    }

    /**
     * Announces that {@code name} changed, when the current transaction commits (at once without one). Names of
     * one transaction go out together.
     */
    public static void changed(JdbcTemplate jdbc, String channel, String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(jdbc, channel, List.of(name));
            return;
        }
        String key = ChangeNotifications.class.getName() + ":" + channel;
        @SuppressWarnings("unchecked")
        Set<String> names = (Set<String>) TransactionSynchronizationManager.getResource(key);
        if (names == null) {
            Set<String> pending = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(key, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    send(jdbc, channel, pending);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            names = pending;
        }
        names.add(name);
    }

    private static void send(JdbcTemplate jdbc, String channel, Iterable<String> names) {
        for (String payload : payloads(names)) {
            jdbc.query("select pg_notify(?, ?)", rs -> null, channel, payload);
        }
    }

    /** The names joined into payloads below PostgreSQL's limit; everything, if any name says so. */
    static List<String> payloads(Iterable<String> names) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String name : names) {
            if (EVERYTHING.equals(name)) {
                return List.of(EVERYTHING);
            }
            if (!current.isEmpty() && current.length() + SEPARATOR.length() + name.length() > PAYLOAD) {
                payloads.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(SEPARATOR);
            }
            current.append(name);
        }
        if (!current.isEmpty()) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    /** Whether changes committed now reach this instance. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::listen, "changes-" + channel);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (lock) {
            running = false;
            current = thread;
            thread = null;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(WAIT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        gap(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + channel);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                gap(true);
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] arrived = postgres.getNotifications((int) WAIT.toMillis());
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            deliver(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - checked > CHECK.toNanos()) {
                        try (Statement statement = connection.createStatement()) {
                            // names the channel, as the listen did: an operator sees in pg_stat_activity what it is
                            statement.execute("select 1 /* listen " + channel + " */");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not listening for changes on {} (cached reads bypassed until it listens again): {}",
                            channel, e.toString());
                }
            } finally {
                gap(false);
            }
            pause();
        }
    }

    private void deliver(String payload) {
        for (String name : payload.split(SEPARATOR)) {
            if (EVERYTHING.equals(name)) {
                onGap.run();
            } else if (!name.isEmpty()) {
                onChange.accept(name);
            }
        }
    }

    /** Stops trusting what was heard: forgotten before listening is said to resume, after it is said to stop. */
    private void gap(boolean nowListening) {
        if (nowListening) {
            onGap.run();
            listening = true;
        } else {
            listening = false;
            onGap.run();
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
