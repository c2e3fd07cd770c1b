package dev.cardflow.infrastructure.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over their limit with 413 before they are read: at once when the
 * Content-Length says so, otherwise as soon as the streamed body passes the limit.
 */
public class RequestBodyLimitFilter implements WebFilter {

    private record Rule(PathPattern pattern, long limit) {
    }

    private final long defaultLimit;
    private final List<Rule> rules;

    public RequestBodyLimitFilter(long defaultLimit, List<BodySizeLimit> limits) {
        this.defaultLimit = defaultLimit;
        this.rules = limits.stream()
                .map(l -> new Rule(PathPatternParser.defaultInstance.parse(l.pathPattern()), l.limit().toBytes()))
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest().getPath().pathWithinApplication());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(tooLarge(limit));
        }
        var request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(request).build());
    }

    private long limitFor(PathContainer path) {
        return rules.stream().filter(r -> r.pattern().matches(path)).mapToLong(Rule::limit).findFirst()
                .orElse(defaultLimit);
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + limit + " bytes this endpoint accepts."));
    }
}
