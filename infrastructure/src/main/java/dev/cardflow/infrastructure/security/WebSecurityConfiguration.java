package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.web.Problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may do what: {@code /admin/**} needs the ADMIN role (HTTP Basic, for the API and the
 * console alike); buyers are authorised per order by their access token, not here.
 */
@AutoConfiguration(before = ReactiveSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(AdminProperties.class)
public class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final String REALM = "cardflow admin";

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public MapReactiveUserDetailsService operators(AdminProperties admin, PasswordEncoder encoder) {
        String password = admin.password();
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("CARDFLOW_ADMIN_PASSWORD is not set. Generated admin password for this run: {}", password);
        }
        return new MapReactiveUserDetailsService(User.withUsername(admin.username())
                .password(encoder.encode(password))
                .roles("ADMIN")
                .build());
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectMapper json) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyExchange().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((exchange, e) ->
                        problem(exchange, json, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "Admin credentials are required (HTTP Basic).")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Admin credentials are required (HTTP Basic)."))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "This account may not do that.")))
                .build();
    }

    private static Mono<Void> problem(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, String code,
                                      String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            byte[] body = json.writeValueAsBytes(Problem.of(status.value(), code, status.getReasonPhrase(), detail));
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Mono.error(e);
        }
    }
}
