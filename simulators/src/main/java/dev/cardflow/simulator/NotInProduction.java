package dev.cardflow.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The simulators as a service of their own refuse to start unless in demo mode: a production shop
 * has nothing to simulate. Reported as one ERROR line, before the database is touched.
 */
public class NotInProduction implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String REFUSAL = "The simulators run only in demo mode (CARDFLOW_MODE=demo); "
            + "a production shop has nothing to simulate";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String mode = event.getEnvironment().getProperty("cardflow.mode", "demo");
        if (!mode.isBlank() && !"demo".equalsIgnoreCase(mode.trim())) {
            throw new Refused();
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** The start was refused; {@link Reporter} says why. */
    static final class Refused extends RuntimeException {
        Refused() {
            super(REFUSAL, null, false, false);
        }
    }

    /** Reports {@link Refused} as its one line instead of a stack trace. */
    public static class Reporter implements SpringBootExceptionReporter {

        private static final Logger log = LoggerFactory.getLogger(NotInProduction.class);

        @Override
        public boolean reportException(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refused) {
                    log.error(REFUSAL);
                    return true;
                }
            }
            return false;
        }
    }
}
