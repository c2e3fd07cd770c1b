package dev.cardflow.fulfilment.resilience;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /admin/api/circuit-breakers}: each outbound breaker's state, rates and recent transitions. */
@RestController
public class BreakerController {

    private final BreakerWatch watch;

    public BreakerController(BreakerWatch watch) {
        this.watch = watch;
    }

    @GetMapping(path = "/admin/api/circuit-breakers", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<BreakerWatch.BreakerState> breakers() {
        return watch.states();
    }
}
