package dev.cardflow.infrastructure.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Operator alerts. Every channel is optional: one without its settings is off, and with none at all alerts are
 * still stored and listed by {@code GET /admin/api/alerts}.
 *
 * @param quietPeriod   one alert per kind and subject within this period ({@code CARDFLOW_ALERT_QUIET_PERIOD},
 *                      default PT30M)
 * @param webhookUrl    receives each alert as a JSON {@code POST} ({@code CARDFLOW_ALERT_WEBHOOK_URL}, default none)
 * @param email         the operators' address, mailed over {@code spring.mail.*} ({@code CARDFLOW_ALERT_EMAIL},
 *                      default none)
 * @param emailFrom     the alert mails' sender ({@code CARDFLOW_ALERT_EMAIL_FROM}, default {@code cardflow@localhost})
 * @param telegram      a Telegram bot and chat
 * @param publicUrl     where the console is reached, to make the alerts' links absolute ({@code CARDFLOW_PUBLIC_URL},
 *                      default none: links are paths)
 * @param maxAttempts   tries per channel and alert before it is given up ({@code CARDFLOW_ALERT_MAX_ATTEMPTS}, default 8)
 * @param retryBackoff  the wait after the first failed try, doubling after each further one
 *                      ({@code CARDFLOW_ALERT_RETRY_BACKOFF}, default PT10S)
 * @param retryBackoffMax the longest wait between two tries (default PT30M)
 * @param pollInterval  how often due deliveries are looked for (default PT5S; a new alert is sent at once)
 * @param checkInterval how often stuck orders and dead letters are looked for ({@code CARDFLOW_ALERT_CHECK_INTERVAL},
 *                      default PT1M)
 * @param timeout       the longest one channel's call may take (default PT10S)
 */
@ConfigurationProperties("cardflow.alert")
public record AlertProperties(
        @DefaultValue("PT30M") Duration quietPeriod,
        @DefaultValue("") String webhookUrl,
        @DefaultValue("") String email,
        @DefaultValue("cardflow@localhost") String emailFrom,
        @DefaultValue Telegram telegram,
        @DefaultValue("") String publicUrl,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT10S") Duration retryBackoff,
        @DefaultValue("PT30M") Duration retryBackoffMax,
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("PT1M") Duration checkInterval,
        @DefaultValue("PT10S") Duration timeout) {

    public AlertProperties {
        if (quietPeriod.isNegative() || maxAttempts < 1 || !positive(retryBackoff) || !positive(pollInterval)
                || !positive(checkInterval) || !positive(timeout) || retryBackoffMax.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("cardflow.alert: the quiet period must not be negative, max-attempts at "
                    + "least 1, the intervals, backoff and timeout positive, retry-backoff-max at least retry-backoff");
        }
    }

    /**
     * The Bot API's {@code sendMessage}.
     *
     * @param botToken the bot's token ({@code CARDFLOW_TELEGRAM_BOT_TOKEN}, default none: Telegram is off)
     * @param chatId   the chat to write to ({@code CARDFLOW_TELEGRAM_CHAT_ID})
     * @param apiBase  the Bot API's address ({@code CARDFLOW_TELEGRAM_API_BASE}, default {@code https://api.telegram.org})
     */
    public record Telegram(@DefaultValue("") String botToken, @DefaultValue("") String chatId,
                           @DefaultValue("https://api.telegram.org") String apiBase) {

        boolean configured() {
            return !botToken.isBlank() && !chatId.isBlank();
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** The wait before try {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(retryBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }
}
