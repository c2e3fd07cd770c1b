package dev.cardflow.platform.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml read against the code: every service is built from a module that has an
 * application of its own, listens where its configuration says, is given only variables its
 * configuration reads, waits for what it needs, and is reachable through the gateway.
 */
class ComposeFileTest {

    /** Variables Spring Boot reads by relaxed binding rather than by a placeholder in our files. */
    private static final Set<String> SPRING_BINDINGS = Set.of("SPRING_PROFILES_ACTIVE", "SERVER_FORWARD_HEADERS_STRATEGY");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    static Path root;
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        root = Path.of("..").toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "order-command, order-command, order-command.yml, 'cardflow-order-command.yml'",
            "order-query, order-query, order-query.yml, 'cardflow-order-query.yml'",
            "saga-fulfilment, saga-fulfilment, fulfilment.yml, 'cardflow-fulfilment.yml'",
            "simulators, simulators, simulators.yml, 'cardflow-simulators.yml'"})
    void serviceMatchesItsApplication(String service, String module, String ownConfig, String moduleConfig)
            throws IOException {
        Map<String, Object> definition = map(services.get(service));
        assertThat(definition).as("service %s", service).isNotNull();

        Map<String, Object> build = map(definition.get("build"));
        assertThat(map(build.get("args")).get("MODULE")).isEqualTo(module);
        assertThat(root.resolve(build.get("context").toString()).resolve("Dockerfile")).exists();
        try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src/main/java"))) {
            assertThat(sources.filter(p -> p.getFileName().toString().endsWith("Application.java")))
                    .as("an application of its own in %s", module).hasSize(1);
        }
        assertThat(Files.readString(root.resolve(module).resolve("pom.xml"))).contains("<classifier>exec</classifier>");

        String config = Files.readString(root.resolve(module).resolve("src/main/resources").resolve(ownConfig));
        Map<String, Object> environment = map(definition.get("environment"));
        String port = environment.get("SERVER_PORT").toString();
        assertThat(config).contains("${SERVER_PORT:" + port + "}");
        assertThat(definition).as("%s is reached through the gateway only", service).doesNotContainKey("ports");

        Set<String> readable = placeholders(config, read(module, moduleConfig),
                service.equals("simulators") ? "" : read("infrastructure", "cardflow-defaults.yml"));
        for (String variable : environment.keySet()) {
            assertThat(readable.contains(variable) || SPRING_BINDINGS.contains(variable))
                    .as("%s reads %s", service, variable).isTrue();
        }

        Map<String, Object> dependsOn = map(definition.get("depends_on"));
        assertThat(dependsOn).containsKey("postgres");
        dependsOn.forEach((dependency, condition) -> {
            assertThat(services).containsKey(dependency);
            assertThat(map(condition).get("condition")).isEqualTo("service_healthy");
            assertThat(map(services.get(dependency))).containsKey("healthcheck");
        });
        assertThat(definition).containsKey("healthcheck");
        assertThat((List<Object>) definition.get("profiles")).contains("scaled-out");
        if (!service.equals("simulators")) {
            assertThat(dependsOn).containsKey("axonserver");
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("axonserver");
            assertThat(environment.get("CARDFLOW_AXONSERVER")).isEqualTo("axonserver:8124");
            assertThat(environment.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
        }
    }

    @Test
    void axonServerIsTheOfficialImageSingleNodeWithDevModeOffAndVolumes() {
        Map<String, Object> axon = map(services.get("axonserver"));
        assertThat(axon.get("image").toString()).startsWith("docker.axoniq.io/axoniq/axonserver:");
        Map<String, Object> environment = map(axon.get("environment"));
        assertThat(environment.get("AXONIQ_AXONSERVER_DEVMODE_ENABLED")).isEqualTo("false");
        assertThat(environment.get("AXONIQ_AXONSERVER_STANDALONE")).isEqualTo("true");
        assertThat((List<Object>) axon.get("volumes")).hasSize(3);
        assertThat(environment.get("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED")).isEqualTo("true");
        assertThat(environment.get("AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN")).isEqualTo("${CARDFLOW_AXONSERVER_TOKEN:?"
                + "set CARDFLOW_AXONSERVER_TOKEN (see docs/deploy.md)}");
        for (String service : List.of("order-command", "order-query", "saga-fulfilment")) {
            assertThat(map(map(services.get(service)).get("environment")).get("CARDFLOW_AXONSERVER_TOKEN"))
                    .as("%s presents Axon Server's token", service)
                    .isEqualTo(environment.get("AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN"));
        }
    }

    @Test
    void nothingButTheGatewayIsPublishedOnAllInterfaces() {
        services.forEach((name, definition) -> {
            List<Object> ports = (List<Object>) map(definition).getOrDefault("ports", List.of());
            for (Object port : ports) {
                if (!name.equals("gateway")) {
                    assertThat(port.toString()).as("port of %s", name).startsWith("127.0.0.1:");
                }
            }
        });
        assertThat((List<Object>) map(services.get("gateway")).get("ports")).containsExactly("8080:8080");
    }

    @Test
    void databasePasswordAndAxonServerTokenAreRequiredVariables() throws IOException {
        String compose = Files.readString(root.resolve("docker-compose.yml"));
        for (String variable : List.of("POSTGRES_PASSWORD", "CARDFLOW_AXONSERVER_TOKEN")) {
            Matcher use = Pattern.compile("\\$\\{" + variable + "([^}]*)}").matcher(compose);
            int uses = 0;
            while (use.find()) {
                uses++;
                assertThat(use.group(1)).as("a use of %s", variable).startsWith(":?");
            }
            assertThat(uses).as("uses of %s", variable).isPositive();
        }
        assertThat(compose).doesNotContain("POSTGRES_PASSWORD:-");
    }

    @Test
    void databasesOfEveryServiceAreCreatedAndPostgresStartsWithoutAProfile() throws IOException {
        Map<String, Object> postgres = map(services.get("postgres"));
        assertThat(postgres).doesNotContainKey("profiles");
        String init = Files.readString(root.resolve("deploy/postgres-init.sql"));
        for (String service : List.of("order-command", "order-query", "saga-fulfilment", "simulators")) {
            String url = map(map(services.get(service)).get("environment")).get("SPRING_DATASOURCE_URL").toString();
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(init).as("database of %s", service).contains("create database " + database + ";");
        }
    }

    @Test
    void gatewayRoutesToServicesThatExistOnTheirPorts() throws IOException {
        String gateway = Files.readString(root.resolve("deploy/gateway.conf"));
        Matcher upstream = Pattern.compile("server ([a-z-]+):(\\d+);").matcher(gateway);
        int upstreams = 0;
        while (upstream.find()) {
            upstreams++;
            Map<String, Object> target = map(services.get(upstream.group(1)));
            assertThat(target).as("gateway upstream %s", upstream.group(1)).isNotNull();
            assertThat(map(target.get("environment")).get("SERVER_PORT")).isEqualTo(upstream.group(2));
        }
        assertThat(upstreams).isEqualTo(4);
        assertThat(gateway).contains("location = /api/payments/notify { proxy_pass http://command; }");
    }

    private static String read(String module, String resource) throws IOException {
        return Files.readString(root.resolve(module).resolve("src/main/resources").resolve(resource));
    }

    private static Set<String> placeholders(String... configs) {
        Set<String> names = new HashSet<>();
        for (String config : configs) {
            Matcher m = PLACEHOLDER.matcher(config);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
