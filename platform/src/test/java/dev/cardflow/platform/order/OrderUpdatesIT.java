package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream of an order's status: the current state first, then every change, then the end. */
@PlatformTest
class OrderUpdatesIT {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    Shop shop;
    WebClient http;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        http = WebClient.create("http://localhost:" + port);
    }

    @Test
    void streamStartsWithTheCurrentStateReportsEachChangeInOrderAndEndsAfterDelivery() {
        List<String> keys = Shop.keys(1);
        Product product = shop.pooledProduct("4.50", keys);
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String paymentId = shop.awaitPayment(order);

        List<JsonNode> received = new CopyOnWriteArrayList<>();
        Flux<ServerSentEvent<String>> stream = http.get()
                .uri("/api/orders/{id}/updates?token={t}", order.orderId(), order.accessToken())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(EVENTS)
                .filter(event -> event.data() != null);
        var completed = stream.doOnNext(event -> received.add(shop.json(event.data())))
                .then().toFuture();

        await().atMost(Shop.PATIENCE).until(() -> received.size() == 1);
        assertThat(received.get(0).get("status").asText()).isEqualTo("PENDING_PAYMENT");
        shop.pay(paymentId);

        await().atMost(Shop.PATIENCE).until(completed::isDone);
        assertThat(completed).isNotCompletedExceptionally();
        assertThat(received).extracting(e -> e.get("status").asText())
                .containsExactly("PENDING_PAYMENT", "PAID", "DELIVERED");
        assertThat(received.get(2).get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
    }

    @Test
    void streamOfASettledOrderSendsItsStateAndEnds() {
        Product product = shop.pooledProduct("1.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");

        List<ServerSentEvent<String>> events = http.get()
                .uri("/api/orders/{id}/updates", order.orderId())
                .header("Authorization", "Bearer " + order.accessToken())
                .retrieve().bodyToFlux(EVENTS)
                .filter(event -> event.data() != null)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(events).hasSize(1);
        assertThat(shop.json(events.get(0).data()).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(events.get(0).event()).isEqualTo("status");
    }

    @Test
    void streamWithAWrongTokenIsNotFound() {
        Product product = shop.pooledProduct("1.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());

        shop.http().get().uri("/api/orders/{id}/updates?token=wrong", order.orderId())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aStreamTicketOpensTheStreamOfItsOrderOnlySoTheTokenStaysOutOfTheUrl() {
        Product product = shop.pooledProduct("1.00", Shop.keys(2));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        PlacedOrder other = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");

        JsonNode ticket = shop.json(shop.http().post().uri("/api/orders/{id}/stream-ticket", order.orderId())
                .header("Authorization", "Bearer " + order.accessToken())
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(java.time.Instant.parse(ticket.get("expiresAt").asText()))
                .isBetween(java.time.Instant.now(), java.time.Instant.now().plusSeconds(120));
        assertThat(ticket.get("ticket").asText()).doesNotContain(order.accessToken());

        List<ServerSentEvent<String>> events = http.get()
                .uri("/api/orders/{id}/updates?ticket={t}", order.orderId(), ticket.get("ticket").asText())
                .retrieve().bodyToFlux(EVENTS)
                .filter(event -> event.data() != null)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(shop.json(events.get(0).data()).get("status").asText()).isEqualTo("DELIVERED");

        // a ticket is for one order, and nobody gets one without the token
        shop.http().get().uri("/api/orders/{id}/updates?ticket={t}", other.orderId(), ticket.get("ticket").asText())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isNotFound();
        shop.http().get().uri("/api/orders/{id}/updates?ticket={t}", order.orderId(), "1." + order.accessToken())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isNotFound();
        shop.http().post().uri("/api/orders/{id}/stream-ticket", order.orderId())
                .header("Authorization", "Bearer wrong").exchange().expectStatus().isNotFound();
    }
}
