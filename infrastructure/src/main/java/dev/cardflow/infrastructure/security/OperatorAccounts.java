package dev.cardflow.infrastructure.security;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/** Who may log in: the bootstrap admin and the metrics user from configuration, then the stored operators. */
class OperatorAccounts implements ReactiveUserDetailsService {

    private final Map<String, UserDetails> configured;
    private final Operators operators;

    OperatorAccounts(Map<String, UserDetails> configured, Operators operators) {
        this.configured = Map.copyOf(configured);
        this.operators = operators;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        UserDetails fixed = configured.get(username);
        if (fixed != null) {
            return Mono.just(User.withUserDetails(fixed).build());
        }
        return Mono.fromCallable(() -> operators.find(username)
                        .map(o -> User.withUsername(o.username()).password(o.passwordHash()).roles(o.role().name())
                                .build())
                        .orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
