package dev.cardflow.api.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void theLanguageTheBuyerAskedForWinsOverTheBrowsers() {
        assertThat(Languages.choose("zh", "vi-VN,vi;q=0.9")).isEqualTo("zh");
        assertThat(Languages.choose("VI", null)).isEqualTo("vi");
        assertThat(Languages.choose("zh-CN", null)).isEqualTo("zh");
    }

    @Test
    void withoutAChoiceTheBestSupportedLanguageOfTheBrowserIsTaken() {
        assertThat(Languages.choose(null, "de-DE,de;q=0.9,vi;q=0.8,zh;q=0.5")).isEqualTo("vi");
        assertThat(Languages.choose("", "zh-TW;q=0.4,en;q=0.3")).isEqualTo("zh");
    }

    @Test
    void anUnsupportedOrUnreadableLanguageFallsBackToEnglish() {
        assertThat(Languages.choose("fr", "de-DE")).isEqualTo("en");
        assertThat(Languages.choose(null, ";;;q=x")).isEqualTo("en");
        assertThat(Languages.choose(null, null)).isEqualTo("en");
    }

    @Test
    void anOrderPlacedBeforeLanguagesWereKeptIsInEnglish() {
        OrderPlaced old = new OrderPlaced("o", "p", "n", 1, null, null, null, null, "a@b.example", "f", null);
        assertThat(old.languageOrDefault()).isEqualTo("en");
    }
}
