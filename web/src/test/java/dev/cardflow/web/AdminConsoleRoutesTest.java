package dev.cardflow.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's address serves its page, with a policy that admits this origin's scripts only. */
class AdminConsoleRoutesTest {

    private final WebTestClient http = WebTestClient
            .bindToRouterFunction(new AdminConsoleRoutes().adminConsole()).build();

    @Test
    void adminWithASlashServesTheConsolePage() {
        String page = http.get().uri("/admin/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", AdminConsoleRoutes.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<script src=\"/admin/admin.js\" defer></script>", "id=\"view-orders\"");
        assertThat(page).doesNotContain("<script>", "style=\"");
    }

    @Test
    void adminWithoutASlashIsRedirectedToIt() {
        http.get().uri("/admin").exchange()
                .expectStatus().isPermanentRedirect()
                .expectHeader().location("/admin/");
    }
}
