package dev.cardflow.infrastructure.operations;

import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** {@code /admin/api/projections}: each processor's position, and the rebuild of a projection. */
@RestController
public class ProjectionController {

    private final Projections projections;

    public ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping(path = "/admin/api/projections", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<Projections.ProcessorState>> list() {
        return Blocking.call(projections::states);
    }

    @PostMapping(path = "/admin/api/projections/{name}/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Projections.ProcessorState>> rebuild(@PathVariable String name) {
        if (!projections.isRebuildable(name)) {
            return Mono.error(ProblemException.notFound("unknown-projection",
                    "There is no projection " + name + " that can be rebuilt."));
        }
        return Blocking.call(() -> ResponseEntity.accepted().body(projections.rebuild(name)));
    }
}
