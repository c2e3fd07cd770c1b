package dev.cardflow.fulfilment.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The buyer mails. The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from          the sender address ({@code CARDFLOW_MAIL_FROM}, default {@code cardflow@localhost})
 * @param includeKeys   whether the delivery mail carries the keys themselves ({@code CARDFLOW_MAIL_INCLUDE_KEYS},
 *                      default false: only the link to the order page)
 * @param retryInterval how often a mail the mail service refused is tried again ({@code CARDFLOW_MAIL_RETRY_INTERVAL},
 *                      default PT20S)
 */
@ConfigurationProperties("cardflow.mail")
public record BuyerMailProperties(
        @DefaultValue("cardflow@localhost") String from,
        @DefaultValue("false") boolean includeKeys,
        @DefaultValue("PT20S") Duration retryInterval) {
}
