package dev.cardflow.api.order;

import java.time.Instant;

import static dev.cardflow.api.common.Require.present;

/** Asks for the ids of the orders placed in {@code [from, to)}, oldest first, at most {@code limit}. */
public record FindOrdersPlaced(Instant from, Instant to, int limit) {

    public FindOrdersPlaced {
        present(from, "from");
        present(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
