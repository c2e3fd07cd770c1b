package dev.cardflow.fulfilment.notification;

import dev.cardflow.api.order.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The buyer mails as plain-text templates, one file per language ({@code mail/buyer-mail_<lang>.properties},
 * UTF-8), read once. Placeholders: {@code {product}}, {@code {orderId}}, {@code {link}}, {@code {keys}}.
 */
public class MailTemplates {

    private final Map<String, Properties> byLanguage = new HashMap<>();

    public MailTemplates() {
        for (String language : Languages.SUPPORTED) {
            byLanguage.put(language, load("mail/buyer-mail_" + language + ".properties"));
        }
    }

    /**
     * The mail of {@code kind} in {@code language} (English for an unknown one); the keys are written into
     * it only when {@code keys} is not empty.
     */
    public BuyerMail render(MailKind kind, String language, String product, String orderId, String link,
                            List<String> keys) {
        Properties texts = byLanguage.get(Languages.of(language).orElse(Languages.ENGLISH));
        Map<String, String> values = Map.of("product", product, "orderId", orderId, "link", link,
                "keys", String.join("\n", keys));
        String text = fill(texts, kind.template() + ".text", values);
        if (kind != MailKind.REFUNDED && !keys.isEmpty()) {
            text += fill(texts, kind.template() + ".keys", values);
        }
        return new BuyerMail(fill(texts, kind.template() + ".subject", values), text);
    }

    private static String fill(Properties texts, String key, Map<String, String> values) {
        String template = texts.getProperty(key);
        if (template == null) {
            throw new IllegalStateException("mail template " + key + " is missing");
        }
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static Properties load(String resource) {
        Properties texts = new Properties();
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mail templates " + resource + " are missing");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
