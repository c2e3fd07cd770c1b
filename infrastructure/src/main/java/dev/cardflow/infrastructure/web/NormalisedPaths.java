package dev.cardflow.infrastructure.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * Refuses, before anything else looks at it, a path that is not in its one normal form: doubled
 * slashes, dot segments, backslashes, path parameters, and percent-escapes of characters that need
 * none (such as {@code /%61dmin}) or that change the path's structure ({@code %2F}). What is left
 * decodes to itself, so security decisions and routing see the same path.
 */
public class NormalisedPaths implements WebFilter, Ordered {

    private static final Pattern NOT_NORMAL = Pattern.compile(
            "//|\\\\|;|(^|/)\\.{1,2}(/|$)"
                    // escapes of unreserved characters, '/', '\', ';', '%', '.', and controls
                    + "|%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DdEeFf5]|5[CcFf]|7[Ee]|3[Bb]|[01][0-9A-Fa-f]|7[Ff])"
                    + "|%(?![0-9A-Fa-f]{2})");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isNormal(exchange.getRequest().getURI().getRawPath())) {
            return Mono.error(ProblemException.badRequest("non-normal-path",
                    "The path must be in normal form: no doubled slashes, dot segments or needless escapes."));
        }
        return chain.filter(exchange);
    }

    /** Whether {@code raw} is a path in normal form. */
    static boolean isNormal(String raw) {
        return raw != null && raw.startsWith("/") && !NOT_NORMAL.matcher(raw).find();
    }
}
