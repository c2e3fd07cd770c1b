package dev.cardflow.infrastructure.operations;

/**
 * Declares that the streaming processor {@code name} feeds a projection: disposable, so an
 * operator may reset it and replay it from the event store. Sagas and processors with side
 * effects are never declared.
 */
public record Projection(String name) {
}
