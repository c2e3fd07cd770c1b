package dev.cardflow.api.order;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the shop speaks to buyers in (mails, pages): {@code en}, {@code zh}, {@code vi}. */
public final class Languages {

    public static final String ENGLISH = "en";
    public static final List<String> SUPPORTED = List.of(ENGLISH, "zh", "vi");

    private Languages() {
    }

    /** The supported language a tag such as {@code zh-CN} or {@code VI} names; empty for any other. */
    public static Optional<String> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(primary) ? Optional.of(primary) : Optional.empty();
    }

    /**
     * The order's language: the one the buyer asked for, else the best supported one of an
     * {@code Accept-Language} header (by its weights), else English.
     */
    public static String choose(String requested, String acceptLanguage) {
        return of(requested).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(ENGLISH);
    }

    static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            // a browser's header we cannot read is no reason to refuse an order
            return Optional.empty();
        }
        // parse() sorts by weight, highest first
        return ranges.stream().map(range -> of(range.getRange())).flatMap(Optional::stream).findFirst();
    }
}
