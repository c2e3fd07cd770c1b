package dev.cardflow.infrastructure.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background rounds on one daemon thread of their own, started after Axon's processors (which start in an earlier
 * phase) and stopped with the application. A round that fails is logged and runs again at its next turn.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

    /** One kind of round: {@code work}, first after {@code firstAfter}, then {@code every} after each end. */
    public record Round(String what, Runnable work, Duration firstAfter, Duration every) {
    }

    private final String threadName;
    private ScheduledExecutorService timer;

    protected PeriodicWork(String threadName) {
        this.threadName = threadName;
    }

    /** The rounds to run, asked at each start. */
    protected abstract List<Round> rounds();

    /** Runs {@code round} now, on the work's thread, besides its schedule; nothing while stopped. */
    protected void runNow(Round round) {
        ScheduledExecutorService current;
        synchronized (this) {
            current = timer;
        }
        if (current != null) {
            try {
                current.execute(() -> quietly(round));
            } catch (RejectedExecutionException e) {
                // stopping: the next start's rounds do it
            }
        }
    }

    private static void quietly(Round round) {
        try {
            round.work().run();
        } catch (RuntimeException e) {
            log.warn("{} failed, will try again: {}", round.what(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        for (Round round : rounds()) {
            timer.scheduleWithFixedDelay(() -> quietly(round), round.firstAfter().toMillis(), round.every().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
