package dev.cardflow.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An operators' webhook and a Telegram-compatible Bot API on a real socket: records the JSON body of every
 * {@code POST} it takes, and answers HTTP 500 once for each body holding a text it was told to fail.
 */
public final class AlertListener implements AutoCloseable {

    /** One request taken: its path and JSON body. */
    public record Received(String path, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final String okAnswer;

    private AlertListener(String okAnswer) {
        this.okAnswer = okAnswer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** A webhook answering 204. */
    public static AlertListener webhook() {
        return new AlertListener(null);
    }

    /** The Bot API's {@code sendMessage}, answering {@code {"ok": true, …}} as Telegram does. */
    public static AlertListener telegram() {
        return new AlertListener("{\"ok\":true,\"result\":{\"message_id\":1}}");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request whose body holds {@code text} is answered HTTP 500. */
    public void failOnceFor(String text) {
        failOnce.add(text);
    }

    /** The requests taken (answered 2xx) that match. */
    public List<Received> taken(Predicate<Received> matching) {
        return received.stream().filter(matching).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            for (String text : failOnce) {
                if (body.contains(text) && failOnce.remove(text)) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
            }
            received.add(new Received(exchange.getRequestURI().getPath(), JSON.readTree(body)));
            if (okAnswer == null) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] answer = okAnswer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
