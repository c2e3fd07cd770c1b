package dev.cardflow.infrastructure.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique-violation (SQLState 23505) anywhere in the cause chain, so that a
 * second event at the same aggregate sequence surfaces as Axon's {@code ConcurrencyException}:
 * the PostgreSQL driver never throws {@code SQLIntegrityConstraintViolationException}.
 */
public class PostgresPersistenceExceptionResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
