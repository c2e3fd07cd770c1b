package dev.cardflow.platform.admin;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several operator accounts: OPERATOR reads and runs compensations, ADMIN does the rest; events name who acted. */
@PlatformTest
class OperatorsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void anOperatorReadsAndCompensatesButChangesNothingElseAndTheRefundNamesThatAccount() {
        String operator = "op-" + Shop.shortId();
        String password = "operator-" + Shop.shortId() + "-pw";
        createAccount(operator, password, "OPERATOR").expectStatus().isCreated()
                .expectBody().jsonPath("$.username").isEqualTo(operator).jsonPath("$.role").isEqualTo("OPERATOR")
                .jsonPath("$.password").doesNotExist();

        as(operator, password, shop.http().get().uri("/admin/api/orders")).exchange().expectStatus().isOk();
        as(operator, password, shop.http().get().uri("/admin/")).exchange().expectStatus().isOk();
        for (String[] change : new String[][]{
                {"POST", "/admin/api/products"}, {"POST", "/admin/api/products/p-1/card-keys"},
                {"POST", "/admin/api/projections/order-status/rebuild"}, {"GET", "/admin/api/operators"},
                {"POST", "/admin/api/operators"}, {"DELETE", "/admin/api/operators/admin"}}) {
            as(operator, password, shop.http().method(HttpMethod.valueOf(change[0])).uri(change[1])
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}"))
                    .exchange().expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        Product product = shop.pooledProduct("5.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        as(operator, password, shop.http().post().uri("/admin/api/orders/{id}/refund", order.orderId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "buyer asked")))
                .exchange().expectStatus().isAccepted();
        shop.awaitStatus(order, "REFUNDED");
        JsonNode refundRequested = null;
        for (JsonNode event : shop.audit(order.orderId()).get("events")) {
            if (event.get("type").asText().equals("RefundRequested")) {
                refundRequested = event;
            }
        }
        assertThat(refundRequested).isNotNull();
        assertThat(refundRequested.get("metadata").get("operator").asText()).isEqualTo(operator);
    }

    @Test
    void adminsManageAccountsWithBcryptHashesAndADeletedAccountLogsInNoMore() {
        String boss = "boss-" + Shop.shortId();
        String password = "admin-" + Shop.shortId() + "-pw";
        createAccount(boss, password, "ADMIN").expectStatus().isCreated();
        createAccount(boss, password, "ADMIN").expectStatus().isEqualTo(409);
        createAccount("x-" + Shop.shortId(), "short", "OPERATOR").expectStatus().isBadRequest();
        createAccount("x-" + Shop.shortId(), password, "ROOT").expectStatus().isBadRequest();
        createAccount("Not Valid", password, "OPERATOR").expectStatus().isBadRequest();
        createAccount("admin", password, "OPERATOR").expectStatus().isEqualTo(409);

        as(boss, password, shop.http().post().uri("/admin/api/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "price", "1.00", "currency", "EUR", "source", "POOL")))
                .exchange().expectStatus().isCreated();
        as(boss, password, shop.http().get().uri("/admin/api/operators")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.username == '" + boss + "')].role").isEqualTo("ADMIN")
                .jsonPath("$[0].password").doesNotExist().jsonPath("$[0].passwordHash").doesNotExist();
        String hash = jdbc.queryForObject("select password_hash from cardflow_operator where username = ?",
                String.class, boss);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);

        shop.asAdmin(shop.http().delete().uri("/admin/api/operators/{u}", boss)).exchange().expectStatus().isNoContent();
        shop.asAdmin(shop.http().delete().uri("/admin/api/operators/{u}", boss)).exchange().expectStatus().isNotFound();
        as(boss, password, shop.http().get().uri("/admin/api/orders")).exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec createAccount(String username, String password, String role) {
        return shop.asAdmin(shop.http().post().uri("/admin/api/operators").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "role", role))).exchange();
    }

    private static WebTestClient.RequestHeadersSpec<?> as(String username, String password,
                                                          WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBasicAuth(username, password));
    }
}
