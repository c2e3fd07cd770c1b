package dev.cardflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up page and the console's dashboard ask only for texts every language has (as
 * {@link PageTextsTest} checks for the other pages).
 */
class ShopOwnerPageTextsTest {

    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN", "vi");
    private static final Pattern SCRIPT_KEY = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z0-9-]+)+)'");
    private static final Pattern HTML_KEY = Pattern.compile("data-(?:i18n|title)=\"([^\"]+)\"");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKeyOfTheLookUpPageExistsInEveryLanguage() {
        Set<String> used = keys(List.of("lookup.js"), List.of("lookup.html"), "i18n");
        assertThat(used).contains("lookup.heading", "lookup.none", "lookup.password");
        LANGUAGES.forEach(language -> assertThat(texts("i18n", language).keySet()).as("i18n/" + language)
                .containsAll(used));
    }

    @Test
    void theCheckoutsQueryPasswordTextsExistInEveryLanguage() {
        Set<String> used = keys(List.of("shop.js"), List.of("index.html"), "i18n");
        assertThat(used).contains("checkout.queryPassword", "checkout.queryPasswordHint", "checkout.invalidQueryPassword",
                "lookup.link", "lookup.lost");
        LANGUAGES.forEach(language -> assertThat(texts("i18n", language).keySet()).as("i18n/" + language)
                .containsAll(used));
    }

    @Test
    void everyKeyOfTheDashboardExistsInEveryLanguage() {
        Set<String> used = keys(List.of("admin/dashboard.js"), List.of("admin/index.html"), "admin/i18n");
        for (String total : List.of("placed", "delivered", "refunded", "cancelled", "revenue")) {
            used.add("dashboard.total." + total);
        }
        assertThat(used).contains("dashboard.heading", "dashboard.chartSummary", "nav.dashboard");
        LANGUAGES.forEach(language -> assertThat(texts("admin/i18n", language).keySet()).as("admin/i18n/" + language)
                .containsAll(used));
    }

    private Set<String> keys(List<String> scripts, List<String> pages, String directory) {
        Set<String> namespaces = new TreeSet<>();
        texts(directory, "en").keySet().forEach(key -> namespaces.add(key.substring(0, key.indexOf('.'))));
        Set<String> used = new TreeSet<>();
        for (String script : scripts) {
            Matcher keys = SCRIPT_KEY.matcher(read(script));
            while (keys.find()) {
                String key = keys.group(1);
                if (namespaces.contains(key.substring(0, key.indexOf('.')))) {
                    used.add(key);
                }
            }
        }
        for (String page : pages) {
            HTML_KEY.matcher(read(page)).results().forEach(m -> used.add(m.group(1)));
        }
        return used;
    }

    private Map<String, Object> texts(String directory, String language) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> texts = json.readValue(
                    staticDirectory().resolve(directory + "/" + language + ".json").toFile(), Map.class);
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(staticDirectory().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path staticDirectory() {
        try {
            return Path.of(ShopOwnerPageTextsTest.class.getResource("/static").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
