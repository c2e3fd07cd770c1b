package dev.cardflow.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Any service that has this jar serves the pages and their texts, with no configuration of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PagesServedTest.AnyService.class)
class PagesServedTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AnyService {
    }

    @Autowired
    WebTestClient http;

    @Test
    void storefrontOrderPageAndConsoleAreServed() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("/texts.js", "/shop.js"));
        http.get().uri("/orders/{id}", "any-order-id").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("/texts.js", "/order.js"));
        http.get().uri("/admin/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("/texts.js", "/admin/admin.js"));
    }

    @Test
    void theTextsOfEachLanguageAreServedAsJson() {
        http.get().uri("/i18n/zh-CN.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$['shop.heading']").isEqualTo("数字卡密");
        http.get().uri("/admin/i18n/vi.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$['orders.heading']").isEqualTo("Đơn hàng");
        http.get().uri("/texts.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("catalogue"));
    }
}
