package dev.cardflow.infrastructure.mode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Reports a {@link StartRefused} as the one ERROR line it is, instead of Spring Boot's
 * "Application run failed" with a stack trace that would bury the reason.
 */
public class StartRefusedReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(StartRefusedReporter.class);

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefused refused) {
                log.error(refused.getMessage());
                return true;
            }
        }
        return false;
    }
}
