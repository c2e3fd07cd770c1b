package dev.cardflow.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and the alert rules are well-formed for Grafana and Prometheus, wired into the
 * compose setup, and explained in docs/operations.md. That every series they name is one the
 * platform exports is checked against a real scrape in {@code MetricsIT}.
 */
class MonitoringFilesTest {

    @Test
    void everyDashboardPanelQueriesTheProvisionedPrometheus() throws IOException {
        JsonNode dashboard = MonitoringFiles.dashboard();
        assertThat(dashboard.get("uid").asText()).isEqualTo("cardflow");
        String datasourceUid = datasourceUid();
        for (JsonNode panel : dashboard.get("panels")) {
            String type = panel.get("type").asText();
            if (type.equals("row") || type.equals("alertlist")) {
                continue;
            }
            assertThat(panel.get("datasource").get("uid").asText()).as(panel.get("title").asText())
                    .isEqualTo(datasourceUid);
            assertThat(panel.get("targets")).as("queries of %s", panel.get("title")).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("datasource").get("uid").asText()).isEqualTo(datasourceUid);
                assertThat(MonitoringFiles.seriesIn(target.get("expr").asText()))
                        .as("series of %s", panel.get("title")).isNotEmpty();
            }
        }
    }

    @Test
    void everyAlertRuleHasAnExpressionADelayASeverityAndASummary() {
        List<Map<String, Object>> rules = MonitoringFiles.rules();
        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(name).as("alert name").matches("Cardflow[A-Za-z]+");
            assertThat(MonitoringFiles.seriesIn(rule.get("expr").toString())).as("series of %s", name).isNotEmpty();
            assertThat(Duration.parse("PT" + rule.get("for").toString().toUpperCase())).as("for of %s", name)
                    .isPositive();
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as("severity of %s", name)
                    .isIn("warning", "critical");
            assertThat(((Map<?, ?>) rule.get("annotations")).get("summary")).as("summary of %s", name).isNotNull();
        }
    }

    @Test
    void theQueriesNameTheSeriesTheyReadAndNothingElse() {
        assertThat(MonitoringFiles.seriesIn(
                "histogram_quantile(0.95, sum by (le, stage) (rate(cardflow_order_stage_seconds_bucket"
                        + "{stage=\"paid-to-delivered\"}[$__rate_interval]))) > 60"))
                .containsExactly("cardflow_order_stage_seconds_bucket");
        assertThat(MonitoringFiles.seriesIn("sum(rate(a_total{via=\"x\"}[30m])) / sum(rate(b_count[30m])) > 0.2"))
                .containsExactly("a_total", "b_count");
        assertThat(MonitoringFiles.seriesIn("max by (name, state) (resilience4j_circuitbreaker_state) == 1e3"))
                .containsExactly("resilience4j_circuitbreaker_state");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPrometheusWithTheRulesAndGrafanaWithTheDashboard() throws IOException {
        Map<String, Object> prometheus = map(services().get("prometheus"));
        List<Object> volumes = (List<Object>) prometheus.get("volumes");
        assertThat(volumes).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat((List<Object>) prometheus.get("secrets")).contains("metrics-password");

        Map<String, Object> config = yaml("deploy/prometheus/prometheus.yml");
        assertThat((List<Object>) config.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        Map<?, ?> job = (Map<?, ?>) ((List<?>) config.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Map<?, ?> auth = (Map<?, ?>) job.get("basic_auth");
        assertThat(auth.get("username")).isEqualTo("metrics");
        assertThat(auth.get("password_file")).isEqualTo("/run/secrets/metrics-password");
        Set<String> targets = new java.util.TreeSet<>();
        for (Object group : (List<?>) job.get("static_configs")) {
            ((List<?>) ((Map<?, ?>) group).get("targets")).forEach(t -> targets.add(t.toString()));
        }
        for (String service : List.of("order-command", "order-query", "saga-fulfilment")) {
            Map<String, Object> environment = map(
                    map(services().get(service)).get("environment"));
            assertThat(targets).contains(service + ":" + environment.get("SERVER_PORT"));
            assertThat(environment.get("CARDFLOW_METRICS_PASSWORD")).isEqualTo("${CARDFLOW_METRICS_PASSWORD:-}");
        }

        Map<String, Object> grafana = map(services().get("grafana"));
        assertThat((List<Object>) grafana.get("volumes")).contains(
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> dashboards = yaml("deploy/grafana/provisioning/dashboards/cardflow.yml");
        Map<?, ?> provider = (Map<?, ?>) ((List<?>) dashboards.get("providers")).get(0);
        assertThat(((Map<?, ?>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
        Map<?, ?> datasource = (Map<?, ?>) ((List<?>) yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0);
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
    }

    @Test
    void theOperationsGuideExplainsEveryPanelAndEveryRule() throws IOException {
        String guide = Files.readString(MonitoringFiles.ROOT.resolve("docs/operations.md"));
        for (JsonNode panel : MonitoringFiles.dashboard().get("panels")) {
            if (!panel.get("type").asText().equals("row")) {
                assertThat(guide).as("docs/operations.md names panel %s", panel.get("title"))
                        .contains(panel.get("title").asText());
            }
        }
        for (Map<String, Object> rule : MonitoringFiles.rules()) {
            assertThat(guide).as("docs/operations.md names alert %s", rule.get("alert"))
                    .contains(rule.get("alert").toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        return map(yaml("docker-compose.yml").get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String datasourceUid() throws IOException {
        Map<?, ?> datasource = (Map<?, ?>) ((List<?>) yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0);
        return datasource.get("uid").toString();
    }

    private static Map<String, Object> yaml(String path) throws IOException {
        try (InputStream in = Files.newInputStream(MonitoringFiles.ROOT.resolve(path))) {
            return new Yaml().load(in);
        }
    }
}
