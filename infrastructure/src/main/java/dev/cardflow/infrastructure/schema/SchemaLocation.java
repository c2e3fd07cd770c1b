package dev.cardflow.infrastructure.schema;

/**
 * A Flyway location a module contributes; every module owns the tables it writes and declares
 * its migrations as a bean of this type. Versions are unique across modules (V1 infrastructure,
 * V2 order-command, V3 order-query, V4 saga-fulfilment).
 */
public record SchemaLocation(String location) {
}
