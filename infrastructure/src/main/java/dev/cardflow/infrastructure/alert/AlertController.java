package dev.cardflow.infrastructure.alert;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.infrastructure.web.Blocking;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code GET /admin/api/alerts}: the latest operator alerts, newest first, with each channel's delivery outcome. */
@RestController
public class AlertController {

    static final int MAX_LIMIT = 500;

    private final AlertStore store;

    public AlertController(AlertStore store) {
        this.store = store;
    }

    @GetMapping(path = "/admin/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<AlertStore.Listed>> recent(@RequestParam(required = false) String kind,
                                                @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidCommand("invalid-limit", "limit", "limit must be from 1 to " + MAX_LIMIT + ".");
        }
        Optional<AlertKind> wanted = Optional.ofNullable(kind).map(code -> AlertKind.of(code).orElseThrow(() ->
                new InvalidCommand("unknown-alert-kind", "kind", "kind must be one of "
                        + Arrays.stream(AlertKind.values()).map(AlertKind::code).toList() + ".")));
        return Blocking.call(() -> store.recent(wanted, limit));
    }
}
