package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/** {@code /admin/api/operators}: the operator accounts, for admins only. */
@RestController
public class OperatorController {

    /** A new account. */
    public record NewOperator(String username, String password, String role) {
    }

    private final Operators operators;

    public OperatorController(Operators operators) {
        this.operators = operators;
    }

    @PostMapping(path = "/admin/api/operators", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Operators.Operator>> create(@RequestBody NewOperator request) {
        return Blocking.call(() -> {
            var created = operators.create(request.username(), request.password(), request.role());
            return ResponseEntity.created(URI.create("/admin/api/operators/" + created.username())).body(created);
        });
    }

    @GetMapping(path = "/admin/api/operators", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<Operators.Operator>> list() {
        return Blocking.call(operators::list);
    }

    @DeleteMapping("/admin/api/operators/{username}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String username) {
        return Blocking.call(() -> {
            if (!operators.delete(username)) {
                throw ProblemException.notFound("operator-not-found", "There is no operator " + username + ".");
            }
            return ResponseEntity.status(HttpStatus.NO_CONTENT).<Void>build();
        });
    }
}
