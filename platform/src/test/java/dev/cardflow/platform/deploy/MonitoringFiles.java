package dev.cardflow.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code deploy/}, read as their tools read
 * them, and the series their PromQL queries name.
 */
public final class MonitoringFiles {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path DASHBOARD = ROOT.resolve("deploy/grafana/dashboards/cardflow.json");
    public static final Path RULES = ROOT.resolve("deploy/prometheus/alerts.yml");

    /** Series Prometheus makes itself rather than scraping them from the platform. */
    public static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

    private MonitoringFiles() {
    }

    public static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each alert rule of every group, as the YAML map Prometheus reads. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rules() {
        try (InputStream in = Files.newInputStream(RULES)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query: the dashboard's panel targets by "panel title / refId", then the rules by alert name. */
    public static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.get("title").asText() + " / " + target.get("refId").asText(),
                        target.get("expr").asText());
            }
        }
        for (Map<String, Object> rule : rules()) {
            queries.put("alert " + rule.get("alert"), rule.get("expr").toString());
        }
        return queries;
    }

    /** The metric names a PromQL expression reads (not its functions, keywords, labels or Grafana variables). */
    public static Set<String> seriesIn(String promql) {
        String bare = STRING.matcher(promql).replaceAll(" ");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = LABEL_LIST.matcher(bare).replaceAll(" ");
        Set<String> series = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String token = identifier.group();
            boolean function = identifier.group(1) != null;
            boolean partOfNumber = identifier.start() > 0
                    && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(token.toLowerCase())) {
                series.add(token);
            }
        }
        return series;
    }

    /** Every metric name the dashboard and the rules read. */
    public static Set<String> allSeries() {
        Set<String> all = new TreeSet<>();
        queries().values().forEach(q -> all.addAll(seriesIn(q)));
        return all;
    }

    /** The series names in a Prometheus text-format scrape. */
    public static Set<String> seriesInScrape(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        });
        return names;
    }
}
