package dev.cardflow.infrastructure.mode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mode cardflow runs in.
 *
 * @param mode {@code demo} (default: the simulators are mounted, payments are simulated) or
 *             {@code production} ({@code CARDFLOW_MODE}); checked at start by {@link ModeCheck}
 */
@ConfigurationProperties("cardflow")
public record ModeSettings(@DefaultValue("demo") Mode mode) {
}
