package dev.cardflow.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every refusal the platform really answered during platform's integration tests (written down by their
 * {@code AnsweredProblems} filter) is one the served description documents for that operation and status — so a
 * client generated from it meets no undocumented problem. Refusals of the web layer itself (an unknown path, a
 * method or media type the route does not take) are documented once, in the Problem schema and docs/api.md.
 */
class DocumentedProblemsTest {

    private static final Path PLATFORM = Path.of("..", "platform", "target");
    private static final Set<String> WEB_LAYER = Set.of("not-found", "method-not-allowed", "unsupported-media-type",
            "not-acceptable", "non-normal-path");

    @Test
    void everyAnsweredRefusalIsDocumented() throws IOException {
        Path answered = PLATFORM.resolve("answered-problems.txt");
        Path description = PLATFORM.resolve("api-docs").resolve("all.json");
        assumeTrue(Files.isRegularFile(answered) && Files.isRegularFile(description),
                "platform's integration tests ran in this build");
        JsonNode api = new ObjectMapper().readTree(description.toFile());
        Set<String> enumerated = new TreeSet<>();
        api.at("/components/schemas/Problem/properties/type/enum").forEach(code -> enumerated.add(code.asText()));

        Set<String> undocumented = new TreeSet<>();
        Set<String> checked = new TreeSet<>();
        for (String line : Files.readAllLines(answered)) {
            String[] f = line.split(" ");
            String method = f[0], route = f[1], path = f[2], status = f[3], type = f[4];
            if (!path.matches("/(api|admin/api)/.*")) {
                continue;
            }
            String code = type.replaceFirst("^/problems/", "");
            Optional<JsonNode> operation = operation(api, method, route.equals("-") ? null : route, path);
            if (operation.isEmpty() || WEB_LAYER.contains(code)) {
                if (!enumerated.contains(type)) {
                    undocumented.add(line + "   (not in the Problem schema)");
                }
                continue;
            }
            checked.add(method + " " + route + " " + status + " " + code);
            JsonNode examples = operation.get().at("/responses/" + status + "/content/application~1problem+json/examples");
            if (!examples.has(code)) {
                undocumented.add(line);
            }
        }
        System.out.println("Checked " + checked.size() + " distinct refusals answered by the integration tests");
        assertThat(undocumented).as("refusals answered but not documented for their operation").isEmpty();
    }

    /** The operation of the route (when a handler was chosen) or of the path template the path matches. */
    private static Optional<JsonNode> operation(JsonNode api, String method, String route, String path) {
        JsonNode paths = api.path("paths");
        if (route != null) {
            return Optional.of(paths.path(route).path(method.toLowerCase())).filter(n -> !n.isMissingNode());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> template = it.next();
            if (path.matches(template.getKey().replaceAll("\\{[^}]+}", "[^/]+"))
                    && template.getValue().has(method.toLowerCase())) {
                return Optional.of(template.getValue().path(method.toLowerCase()));
            }
        }
        return Optional.empty();
    }
}
