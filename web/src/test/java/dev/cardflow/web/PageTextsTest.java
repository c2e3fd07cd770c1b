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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' texts are data (one JSON file per language): a key a page asks for and a file lacks
 * would show the visitor the key itself, so every key used is checked against every language.
 */
class PageTextsTest {

    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN", "vi");

    /** A quoted message key in a script, such as 'checkout.submit'. */
    private static final Pattern SCRIPT_KEY = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z0-9-]+)+)'");
    private static final Pattern HTML_KEY = Pattern.compile("data-(?:i18n|title)=\"([^\"]+)\"");
    private static final Pattern HTML_ATTRIBUTE_KEYS = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKeyTheBuyersPagesUseExistsInEveryLanguage() {
        assertEveryKeyExists("i18n", List.of("shop.js", "order.js", "lookup.js", "i18n.js", "dom.js"),
                List.of("index.html", "order.html", "lookup.html"));
    }

    @Test
    void everyKeyTheConsoleUsesExistsInEveryLanguage() {
        assertEveryKeyExists("admin/i18n", List.of("admin/admin.js", "admin/dashboard.js", "admin/i18n.js", "dom.js"),
                List.of("admin/index.html"));
    }

    @Test
    void theDashboardsTotalsHaveTheirTexts() {
        // put together at run time ('dashboard.total.' + name)
        for (String total : List.of("placed", "delivered", "refunded", "cancelled", "revenue")) {
            assertThat(texts("admin/i18n", "en")).containsKey("dashboard.total." + total);
        }
    }

    @Test
    void everyLanguageHasExactlyTheTextsOfEnglish() {
        // keys put together at run time ('status.' + status) are covered only by this
        for (String directory : List.of("i18n", "admin/i18n")) {
            Set<String> english = texts(directory, "en").keySet();
            for (String language : LANGUAGES) {
                assertThat(texts(directory, language).keySet()).as(directory + "/" + language + ".json")
                        .containsExactlyInAnyOrderElementsOf(english);
                texts(directory, language).forEach((key, text) -> {
                    // a message is a sentence, or its plural forms of which "other" is the default
                    if (text instanceof Map<?, ?> forms) {
                        assertThat(forms.containsKey("other")).as(key + " has an \"other\" form").isTrue();
                    } else {
                        assertThat(text).as(key).isInstanceOf(String.class);
                    }
                });
            }
        }
    }

    @Test
    void theLoaderOffersExactlyTheLanguagesThatHaveFiles() {
        String loader = read("texts.js");
        for (String directory : List.of("i18n", "admin/i18n")) {
            try (Stream<Path> files = Files.list(staticDirectory().resolve(directory))) {
                Set<String> languages = files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".json"))
                        .map(name -> name.substring(0, name.length() - ".json".length()))
                        .collect(Collectors.toSet());
                assertThat(languages).as(directory).isEqualTo(LANGUAGES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LANGUAGES.forEach(language -> assertThat(loader).contains("code: '" + language + "'"));
    }

    private void assertEveryKeyExists(String directory, List<String> scripts, List<String> pages) {
        Set<String> namespaces = texts(directory, "en").keySet().stream()
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
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
            String html = read(page);
            HTML_KEY.matcher(html).results().forEach(m -> used.add(m.group(1)));
            HTML_ATTRIBUTE_KEYS.matcher(html).results().forEach(m -> {
                for (String pair : m.group(1).split("[;,]")) {
                    used.add(pair.substring(pair.indexOf(':') + 1).trim());
                }
            });
        }
        assertThat(used).as("keys found in " + scripts + " and " + pages).hasSizeGreaterThan(50);
        for (String language : LANGUAGES) {
            assertThat(texts(directory, language).keySet()).as(directory + "/" + language + ".json")
                    .containsAll(used);
        }
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
            return Path.of(PageTextsTest.class.getResource("/static").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
