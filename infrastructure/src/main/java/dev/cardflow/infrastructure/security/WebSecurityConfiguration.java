package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.limits.ClientLimits;
import dev.cardflow.infrastructure.web.Problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may do what: {@code /admin/**} takes HTTP Basic (API and console alike); OPERATOR reads it
 * and runs the order compensations, ADMIN does everything else there; Prometheus needs ADMIN or
 * METRICS, other actuator endpoints ADMIN, health is public; buyers are authorised per order
 * by their access token, not here.
 */
@AutoConfiguration(before = ReactiveSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(AdminProperties.class)
public class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final String REALM = "cardflow admin";
    static final String ADMIN = "ADMIN";
    static final String METRICS = "METRICS";
    static final String OPERATOR = "OPERATOR";
    /** What an OPERATOR may change: the order compensations; everything else under /admin needs ADMIN. */
    private static final String[] COMPENSATIONS = java.util.stream.Stream.of("retry-fulfilment", "refund", "cancel",
            "confirm-payment", "confirm-refund", "deliver", "resend-delivery-notification")
            .map(action -> "/admin/api/orders/*/" + action).toArray(String[]::new);
    private static final String LOGIN_CLIENT = WebSecurityConfiguration.class.getName() + ".client";
    private static final org.springframework.web.util.pattern.PathPattern ADMIN_PATHS =
            org.springframework.web.util.pattern.PathPatternParser.defaultInstance.parse("/admin/**");

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public Operators operatorStore(JdbcTemplate jdbc, PasswordEncoder encoder, AdminProperties admin) {
        return new Operators(jdbc, encoder, java.util.Set.of(admin.username(), "metrics"));
    }

    @Bean
    public OperatorController operatorController(Operators operators) {
        return new OperatorController(operators);
    }

    /** The bootstrap admin ({@code CARDFLOW_ADMIN_PASSWORD}), the metrics user, and the stored operators. */
    @Bean
    public ReactiveUserDetailsService operators(AdminProperties admin, PasswordEncoder encoder, Operators stored) {
        String password = admin.password();
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("CARDFLOW_ADMIN_PASSWORD is not set. Generated admin password for this run: {}", password);
        }
        var users = new java.util.HashMap<String, UserDetails>();
        users.put(admin.username(),
                User.withUsername(admin.username()).password(encoder.encode(password)).roles(ADMIN).build());
        if (admin.metricsPassword() != null && !admin.metricsPassword().isBlank()) {
            users.put("metrics", User.withUsername("metrics").password(encoder.encode(admin.metricsPassword()))
                    .roles(METRICS).build());
        }
        return new OperatorAccounts(users, stored);
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectMapper json,
                                                         ReactiveUserDetailsService users, PasswordEncoder encoder,
                                                         ObjectProvider<ClientLimits> limits) {
        var checked = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        checked.setPasswordEncoder(encoder);
        ClientLimits clientLimits = limits.getIfAvailable();
        if (clientLimits != null) {
            http.addFilterBefore(throttledLogins(clientLimits, json), SecurityWebFiltersOrder.HTTP_BASIC);
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/admin/api/operators", "/admin/api/operators/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.POST, COMPENSATIONS).hasAnyRole(ADMIN, OPERATOR)
                        .pathMatchers(HttpMethod.GET, "/admin", "/admin/**").hasAnyRole(ADMIN, OPERATOR)
                        .pathMatchers(HttpMethod.HEAD, "/admin", "/admin/**").hasAnyRole(ADMIN, OPERATOR)
                        .pathMatchers("/admin", "/admin/**").hasRole(ADMIN)
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/prometheus").hasAnyRole(ADMIN, METRICS)
                        .pathMatchers("/actuator/**").hasRole(ADMIN)
                        .anyExchange().permitAll())
                .addFilterAfter(sameOriginAdminChanges(json), SecurityWebFiltersOrder.AUTHORIZATION)
                .httpBasic(basic -> basic
                        .authenticationManager(clientLimits == null ? checked : countingFailures(checked, clientLimits))
                        .authenticationEntryPoint((exchange, e) ->
                        problem(exchange, json, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "Admin credentials are required (HTTP Basic).")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Admin credentials are required (HTTP Basic)."))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "This account may not do that.")))
                .build();
    }

    /**
     * A client that failed to log in more than {@code cardflow.failed-logins-per-minute} times in
     * the last minute is refused with 429 before its credentials are even checked.
     */
    private static WebFilter throttledLogins(ClientLimits limits, ObjectMapper json) {
        return (exchange, chain) -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return chain.filter(exchange);
            }
            String client = limits.clientKey(exchange.getRequest());
            long blockedFor = limits.loginBlockedFor(client);
            if (blockedFor > 0) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(blockedFor));
                return problem(exchange, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                        "Too many failed logins from this client; try again in " + blockedFor + " s.");
            }
            return chain.filter(exchange).contextWrite(context -> context.put(LOGIN_CLIENT, client));
        };
    }

    /** Counts each failed login against the client that {@link #throttledLogins} put in the context. */
    private static ReactiveAuthenticationManager countingFailures(ReactiveAuthenticationManager delegate,
                                                                  ClientLimits limits) {
        return authentication -> delegate.authenticate(authentication)
                .onErrorResume(AuthenticationException.class, e -> Mono.deferContextual(context -> {
                    context.<String>getOrEmpty(LOGIN_CLIENT).ifPresent(limits::failedLogin);
                    return Mono.error(e);
                }));
    }

    /**
     * Browsers send cached Basic credentials along with any request, also one a foreign page makes;
     * a change to /admin/** is therefore accepted only from this site (or from a non-browser client).
     */
    private static WebFilter sameOriginAdminChanges(ObjectMapper json) {
        return (exchange, chain) -> {
            var request = exchange.getRequest();
            boolean change = !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod());
            // the decoded path, as routing and the authorization rules see it (NormalisedPaths
            // already refused any path whose raw form differs from it)
            if (change && ADMIN_PATHS.matches(request.getPath().pathWithinApplication()) && isCrossSite(request)) {
                return problem(exchange, json, HttpStatus.FORBIDDEN, "cross-site-request",
                        "Changes to the admin API are accepted only from its own pages.");
            }
            return chain.filter(exchange);
        };
    }

    private static boolean isCrossSite(org.springframework.http.server.reactive.ServerHttpRequest request) {
        String site = request.getHeaders().getFirst("Sec-Fetch-Site");
        if ("cross-site".equals(site)) {
            return true;
        }
        String origin = request.getHeaders().getOrigin();
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        return host == null || !java.net.URI.create(origin).getAuthority().equalsIgnoreCase(host);
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
