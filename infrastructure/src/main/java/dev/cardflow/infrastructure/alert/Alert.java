package dev.cardflow.infrastructure.alert;

import java.time.Instant;

/** One alert as the channels send it: {@code link} leads to where the operator can act (absolute when the public URL is known). */
public record Alert(long id, String kind, String severity, String subject, String message, Instant at, String link) {
}
