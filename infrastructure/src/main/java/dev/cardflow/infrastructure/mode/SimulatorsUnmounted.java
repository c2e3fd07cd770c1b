package dev.cardflow.infrastructure.mode;

import dev.cardflow.infrastructure.web.Problem;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * In production nothing of the simulators answers: their controllers are not created, and this
 * filter answers 404 for every {@code /simulator/**} — also their static pages, which the resource
 * handler would serve anyway. It decides on the normalised path (percent-decoded, repeated and
 * dot segments and path parameters removed, case ignored), so no spelling of the path gets through.
 */
public class SimulatorsUnmounted implements WebFilter, Ordered {

    private static final String PREFIX = "simulator";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isSimulatorPath(exchange.getRequest().getPath().value())) {
            return Mono.error(new ProblemException(Problem.of(404, "not-found", "Not found", "No such resource.")));
        }
        return chain.filter(exchange);
    }

    /** Whether a raw request path, once normalised, is {@code /simulator} or below it. */
    static boolean isSimulatorPath(String rawPath) {
        String path = rawPath;
        // decoded until stable: %2573 is %73 is s to a server that decodes twice
        for (int i = 0; i < 5; i++) {
            String decoded;
            try {
                decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break;
            }
            if (decoded.equals(path)) {
                break;
            }
            path = decoded;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("[/\\\\]")) {
            int parameters = segment.indexOf(';');
            String name = (parameters < 0 ? segment : segment.substring(0, parameters)).trim();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(name);
        }
        return !segments.isEmpty() && segments.peekFirst().toLowerCase(Locale.ROOT).equals(PREFIX);
    }

    @Override
    public int getOrder() {
        // before security and everything else: nothing of the simulators is reached in production
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
