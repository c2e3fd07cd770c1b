package dev.cardflow.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a part of the simulated outside world: it exists only in demo mode
 * ({@code cardflow.mode=demo}, the default). In production nothing so marked is created.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "cardflow.mode", havingValue = "demo", matchIfMissing = true)
public @interface DemoOnly {
}
