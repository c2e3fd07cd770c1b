package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.SealedCardKey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

import static dev.cardflow.api.common.Require.*;

/** Uploads keys into a POOL product's stock; keys already in the pool are skipped. */
public record AddCardKeys(@TargetAggregateIdentifier String productId, List<SealedCardKey> keys) {

    public static final int MAX_KEYS = 20_000;
    public static final int MAX_KEY_LENGTH = 512;

    public AddCardKeys {
        text(productId, "productId");
        keys = List.copyOf(checkedCount(keys));
    }

    /**
     * The keys of an upload as the operator typed them, checked before they are sealed (a sealed key
     * no longer shows its length): 1 to {@link #MAX_KEYS} keys of 1 to {@link #MAX_KEY_LENGTH}
     * characters each.
     */
    public static List<String> checkedPlainKeys(List<String> keys) {
        checkedCount(keys);
        for (String key : keys) {
            if (key == null || key.isBlank() || key.strip().length() > MAX_KEY_LENGTH) {
                throw new InvalidCommand("invalid-card-key", "keys",
                        "Every card key must be 1 to " + MAX_KEY_LENGTH + " characters.");
            }
        }
        return keys;
    }

    private static <T> List<T> checkedCount(List<T> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new InvalidCommand("no-card-keys", "keys", "The upload holds no card keys.");
        }
        if (keys.size() > MAX_KEYS) {
            throw new InvalidCommand("too-many-card-keys", "keys",
                    "At most " + MAX_KEYS + " keys can be uploaded at once.");
        }
        return keys;
    }
}
