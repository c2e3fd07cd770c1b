package dev.cardflow.platform.admin;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody sees or takes what is not theirs: admin needs the admin role, card keys exist in clear nowhere. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /admin/",
            "GET, /admin/api/products",
            "POST, /admin/api/products",
            "POST, /admin/api/products/p-1/card-keys",
            "GET, /admin/api/orders",
            "POST, /admin/api/orders/o-1/retry-fulfilment",
            "POST, /admin/api/orders/o-1/refund",
            "POST, /admin/api/orders/o-1/cancel",
            "POST, /admin/api/orders/o-1/confirm-payment",
            "POST, /admin/api/orders/o-1/resend-delivery-notification",
            "GET, /admin/api/orders/o-1/audit",
            "GET, /admin/api/audit?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
            "GET, /admin/api/projections",
            "POST, /admin/api/projections/order-status/rebuild",
            "GET, /admin/api/dead-letters",
            "POST, /admin/api/dead-letters/order-status/retry",
            "GET, /admin/api/circuit-breakers",
            "GET, /admin/api/payments/unmatched-notifications"})
    void everyAdminEndpointAnswers401WithoutCredentialsAnd403ForANonAdmin(String method, String path) {
        shop.http().method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("WWW-Authenticate");
        shop.http().method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .headers(h -> h.setBasicAuth("metrics", Shop.METRICS_PASSWORD))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void metricsAreForTheMetricsUserHealthIsForEveryone() {
        shop.http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        shop.http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        shop.http().get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("metrics", Shop.METRICS_PASSWORD))
                .exchange().expectStatus().isOk();
    }

    @Test
    void adminChangesFromAForeignPageAreRefused() {
        shop.asAdmin(shop.http().post().uri("/admin/api/products").header("Origin", "https://evil.example")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "x", "price", "1.00", "currency", "EUR", "source", "POOL")))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        shop.asAdmin(shop.http().post().uri("/admin/api/products").header("Origin", "http://localhost:" + port)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "x", "price", "1.00", "currency", "EUR", "source", "POOL")))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void anUploadedKeyAppearsInClearInNoTableAndNoLog(CapturedOutput log) {
        String secretKey = "PLAIN-" + Shop.shortId() + "-SECRET";
        Product product = shop.pooledProduct("9.00", List.of(secretKey));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        assertThat(shop.awaitStatus(order, "DELIVERED").get("cardKeys").get(0).asText()).isEqualTo(secretKey);
        shop.audit(order.orderId());
        shop.operator(order.orderId(), "resend-delivery-notification", Map.of());

        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'""", String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "saga_entry",
                "association_value_entry", "token_entry", "order_status", "product_stock", "dead_letter_entry");
        for (String table : tables) {
            Integer textHits = jdbc.queryForObject("select count(*) from " + table
                    + " t where position(? in t::text) > 0", Integer.class, secretKey);
            assertThat(textHits).as("rows of %s holding the key in clear", table).isZero();
        }
        List<Map<String, Object>> binaryColumns = jdbc.queryForList("select table_name, column_name "
                + "from information_schema.columns where table_schema = 'public' and data_type = 'bytea'");
        assertThat(binaryColumns).hasSizeGreaterThan(5);
        for (Map<String, Object> column : binaryColumns) {
            Integer binaryHits = jdbc.queryForObject("select count(*) from " + column.get("table_name")
                    + " where position(convert_to(?, 'UTF8') in " + column.get("column_name") + ") > 0",
                    Integer.class, secretKey);
            assertThat(binaryHits).as("%s.%s holding the key in clear", column.get("table_name"),
                    column.get("column_name")).isZero();
        }
        Integer sealedUploads = jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where payload_type like '%CardKeysAdded' and aggregate_identifier = ?", Integer.class,
                product.productId());
        assertThat(sealedUploads).as("the upload is stored, sealed").isEqualTo(1);
        assertThat(log.getAll()).doesNotContain(secretKey);
    }
}
