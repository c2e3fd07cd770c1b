package dev.cardflow.infrastructure.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.Map;

/**
 * Writes each alert to a Telegram chat through the Bot API: {@code POST {base}/bot{token}/sendMessage {chat_id, text}},
 * which answers {@code {"ok": true, …}}. The token is part of the URL, so no error message names the URL.
 */
public class TelegramChannel implements AlertChannel {

    private final WebClient http;
    private final AlertProperties.Telegram telegram;
    private final Duration timeout;

    public TelegramChannel(WebClient.Builder http, AlertProperties.Telegram telegram, Duration timeout) {
        this.http = http.build();
        this.telegram = telegram;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void send(Alert alert) {
        String base = telegram.apiBase().endsWith("/")
                ? telegram.apiBase().substring(0, telegram.apiBase().length() - 1) : telegram.apiBase();
        JsonNode answer = HttpCalls.call("the Telegram Bot API", http.post()
                .uri(base + "/bot{token}/sendMessage", telegram.botToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("chat_id", telegram.chatId(), "text", text(alert)))
                .retrieve().bodyToMono(JsonNode.class), timeout);
        if (answer == null || !answer.path("ok").asBoolean(false)) {
            throw new IllegalStateException("the Telegram Bot API refused the message: "
                    + (answer == null ? "no answer" : answer.path("description").asText("no description")));
        }
    }

    static String text(Alert alert) {
        StringBuilder text = new StringBuilder()
                .append(alert.severity().toUpperCase()).append(" · ").append(alert.kind()).append(" · ")
                .append(alert.subject()).append('\n').append(alert.message());
        if (alert.link() != null) {
            text.append('\n').append(alert.link());
        }
        return text.toString();
    }
}
