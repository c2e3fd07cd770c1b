package dev.cardflow.infrastructure.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event-handling component whose handlers each run under a savepoint. In PostgreSQL a
 * failed statement aborts the whole transaction; the savepoint undoes only the failing handler,
 * so the event can be parked in the dead-letter queue within the same, still healthy, transaction
 * while the rest of the batch goes on.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SavepointPerEvent {
}
