package dev.cardflow.infrastructure.web;

import org.springframework.util.unit.DataSize;

/**
 * A larger request-body allowance for the paths matching {@code pathPattern} (Spring path
 * pattern); every other request is held to {@code cardflow.web.max-body-size}.
 */
public record BodySizeLimit(String pathPattern, DataSize limit) {
}
