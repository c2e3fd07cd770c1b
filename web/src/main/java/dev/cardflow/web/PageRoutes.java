package dev.cardflow.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * The buyer's pages: the storefront at {@code /}, an order's page at {@code /orders/{orderId}} and
 * "find my orders" at {@code /lookup}.
 * Both are static; the order page reads its order id from the path and its token from the query,
 * and the API checks the token. An auto-configuration, so every service with this jar serves the
 * pages (order-query and the platform).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PageRoutes {

    /** Only this origin's scripts, styles and API: the order page's address holds the order's token. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @Bean
    public RouterFunction<ServerResponse> buyerPages() {
        Resource storefront = new ClassPathResource("static/index.html");
        Resource orderPage = new ClassPathResource("static/order.html");
        Resource lookupPage = new ClassPathResource("static/lookup.html");
        return RouterFunctions.route()
                .GET("/", request -> page(storefront, CacheControl.noCache()))
                .GET("/orders/{orderId}", request -> page(orderPage, CacheControl.noCache()))
                .GET("/lookup", request -> page(lookupPage, CacheControl.noCache()))
                .build();
    }

    /** A static page with the headers every page of cardflow gets. */
    static Mono<ServerResponse> page(Resource page, CacheControl caching) {
        return ServerResponse.ok()
                .contentType(HTML)
                .cacheControl(caching)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(page);
    }
}
