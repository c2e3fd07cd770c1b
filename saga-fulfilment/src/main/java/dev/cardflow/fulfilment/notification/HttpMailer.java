package dev.cardflow.fulfilment.notification;

import dev.cardflow.fulfilment.resilience.OutboundCalls;
import dev.cardflow.infrastructure.web.LocalServer;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/** A {@link Mailer} over a mail service's HTTP API (the bundled simulator's by default), under the {@code mailer} policies. */
public class HttpMailer implements Mailer {

    private static final Duration LONGEST = Duration.ofSeconds(30);

    private final WebClient http;
    private final String url;
    private final Environment environment;
    private final OutboundCalls calls;

    public HttpMailer(WebClient.Builder http, String url, Environment environment, OutboundCalls calls) {
        this.http = http.build();
        this.url = url;
        this.environment = environment;
        this.calls = calls;
    }

    @Override
    public void send(String to, String subject, String text) {
        Mono<Void> call = Mono.defer(() -> http.post()
                .uri(LocalServer.url(environment, url, "/simulator/mailbox/v1/messages"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("to", to, "subject", subject, "text", text))
                .retrieve()
                .toBodilessEntity()
                .then());
        calls.guard("mailer", call).block(LONGEST);
    }
}
