package dev.cardflow.infrastructure.mode;

import java.util.Locale;
import java.util.Optional;

/** How cardflow runs: {@code demo} with the simulated outside world, or {@code production} with real money. */
public enum Mode {
    DEMO, PRODUCTION;

    /** The name used in configuration and in {@code GET /api/shop}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a configured value names; blank means demo, the default. */
    public static Optional<Mode> of(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DEMO);
        }
        for (Mode mode : values()) {
            if (mode.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
