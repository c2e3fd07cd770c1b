package dev.cardflow.infrastructure.operations;

import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code /admin/api/dead-letters}: list the events parked by failing handlers, and retry them.
 */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(path = "/admin/api/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<DeadLetters.Letter>> list(@RequestParam(required = false) String processingGroup) {
        return Blocking.call(() -> (processingGroup == null ? deadLetters.groups() : List.of(known(processingGroup)))
                .stream().flatMap(group -> deadLetters.letters(group).stream()).toList());
    }

    @PostMapping(path = "/admin/api/dead-letters/{processingGroup}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<DeadLetters.Retry> retry(@PathVariable String processingGroup) {
        String group = known(processingGroup);
        return Blocking.call(() -> deadLetters.retry(group));
    }

    private String known(String group) {
        if (!deadLetters.groups().contains(group)) {
            throw ProblemException.notFound("unknown-processing-group",
                    "No processing group " + group + " parks dead letters; known: " + deadLetters.groups() + ".");
        }
        return group;
    }
}
