package dev.cardflow.infrastructure.alert;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST}s each alert as JSON {@code {kind, severity, subject, message, at, link}} to the operators' webhook. */
public class WebhookChannel implements AlertChannel {

    private final WebClient http;
    private final String url;
    private final Duration timeout;

    public WebhookChannel(WebClient.Builder http, String url, Duration timeout) {
        this.http = http.build();
        this.url = url;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", alert.kind());
        body.put("severity", alert.severity());
        body.put("subject", alert.subject());
        body.put("message", alert.message());
        body.put("at", alert.at().toString());
        body.put("link", alert.link());
        HttpCalls.call("the webhook", http.post().uri(url).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().toBodilessEntity(), timeout);
    }
}
