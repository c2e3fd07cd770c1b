package dev.cardflow.order.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's pages answer at their public addresses, as HTML. */
class PageRoutesTest {

    private final WebTestClient http = WebTestClient.bindToRouterFunction(new PageRoutes().buyerPages()).build();

    @Test
    void storefrontIsServedAtTheRoot() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> assertThat(body).contains("/shop.js", "/i18n.js"));
    }

    @Test
    void onlyThePagesAreRouted() {
        http.get().uri("/orders/any-order-id").exchange().expectStatus().isNotFound();
    }
}
