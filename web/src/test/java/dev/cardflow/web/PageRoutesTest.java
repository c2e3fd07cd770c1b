package dev.cardflow.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's pages answer at their public addresses, as HTML that keeps the order's token to itself. */
class PageRoutesTest {

    private final WebTestClient http = WebTestClient.bindToRouterFunction(new PageRoutes().buyerPages()).build();

    @Test
    void storefrontIsServedAtTheRoot() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> assertThat(body).contains("/shop.js", "/texts.js", "/i18n.js"));
    }

    @Test
    void orderPageIsServedForAnyOrderIdWithoutLeakingItsAddress() {
        http.get().uri("/orders/{id}", "any-order-id").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", PageRoutes.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).value(body -> assertThat(body).contains("/order.js"));
    }

    @Test
    void onlyThePagesAreRouted() {
        http.get().uri("/orders/").exchange().expectStatus().isNotFound();
        http.get().uri("/orders/a/b").exchange().expectStatus().isNotFound();
    }
}
