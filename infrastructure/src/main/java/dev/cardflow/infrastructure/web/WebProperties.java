package dev.cardflow.infrastructure.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings shared by every cardflow service.
 *
 * @param maxBodySize the largest request body accepted where no {@link BodySizeLimit} says otherwise (16KB)
 */
@ConfigurationProperties("cardflow.web")
public record WebProperties(@DefaultValue("16KB") DataSize maxBodySize) {
}
