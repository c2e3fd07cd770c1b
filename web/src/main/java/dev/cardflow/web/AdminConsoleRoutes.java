package dev.cardflow.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

/**
 * The operators' console at {@code /admin/}: one static page whose scripts and styles sit beside it
 * in {@code static/admin/}. WebFlux serves a directory's {@code index.html} only for {@code /}, so
 * the console's address is routed here; HTTP Basic in front of {@code /admin/**} guards it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class AdminConsoleRoutes {

    /** Only this origin's scripts, styles and API; the console is never framed (its buttons refund money). */
    static final String CONTENT_SECURITY_POLICY = PageRoutes.CONTENT_SECURITY_POLICY;

    @Bean
    public RouterFunction<ServerResponse> adminConsole() {
        Resource console = new ClassPathResource("static/admin/index.html");
        return RouterFunctions.route()
                .GET("/admin", request -> ServerResponse.permanentRedirect(URI.create("/admin/")).build())
                .GET("/admin/", request -> PageRoutes.page(console, CacheControl.noStore()))
                .GET("/admin/index.html", request -> PageRoutes.page(console, CacheControl.noStore()))
                .build();
    }
}
