package dev.cardflow.infrastructure.mode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks the mode's needs as soon as the settings are resolved (environment variables and
 * {@code --cardflow.*} arguments alike) and logging is up, before any bean — and so before the
 * database — is touched. A refused start ends with {@link StartRefused}; demo mode says so once.
 */
public class ModeCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ModeCheck.class);

    static final String DEMO_WARNING =
            "Demo mode: payments are simulated; set CARDFLOW_MODE=production to take real money";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ModeReadiness.refusal(event.getEnvironment()).ifPresent(reason -> {
            throw new StartRefused(reason);
        });
        if (ModeReadiness.mode(event.getEnvironment()).orElseThrow() == Mode.DEMO) {
            log.warn(DEMO_WARNING);
        }
    }

    @Override
    public int getOrder() {
        // right after logging is initialised, so that the refusal is logged like every other line
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
