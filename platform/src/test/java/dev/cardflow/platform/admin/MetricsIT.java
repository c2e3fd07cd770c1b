package dev.cardflow.platform.admin;

import dev.cardflow.platform.deploy.MonitoringFiles;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.TestHttp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What Prometheus scrapes as the metrics user, after orders went through. */
@PlatformTest
class MetricsIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void aDeliveredOrderIsTimedPerStageCountedAsSettledAndItsPaymentDelayRecorded() {
        String before = scrape();
        deliverOne();

        await().atMost(Shop.PATIENCE).untilAsserted(() -> {
            String after = scrape();
            for (String[] series : new String[][]{
                    {"cardflow_order_stage_seconds_count", "stage=\"placed-to-payable\""},
                    {"cardflow_order_stage_seconds_count", "stage=\"paid-to-delivered\""},
                    {"cardflow_order_stage_seconds_count", "stage=\"placed-to-settled\""},
                    {"cardflow_orders_settled_total", "status=\"DELIVERED\""},
                    {"cardflow_payment_notification_delay_seconds_count", "via=\"notification\""}}) {
                assertThat(value(after, series[0], series[1]) - value(before, series[0], series[1]))
                        .as("%s{%s}", series[0], series[1]).isGreaterThanOrEqualTo(1.0);
            }
        });
        String after = scrape();
        assertThat(after).contains("cardflow_order_stage_seconds_bucket{", "le=\"1.0\"");
        // the other statuses are there before any order reaches them, so a rate() over them starts at zero
        assertThat(present(after, "cardflow_orders_settled_total", "status=\"CANCELLED\"")).isTrue();
        assertThat(present(after, "cardflow_orders_settled_total", "status=\"REFUNDED\"")).isTrue();
    }

    @Test
    void everyProcessorReportsItsLagAndIsCaughtUpOnceTheOrderIsDone() {
        deliverOne();

        await().atMost(Shop.PATIENCE).untilAsserted(() -> {
            String scrape = scrape();
            for (String processor : new String[]{"order-status", "product-stock", "fulfilment", "order-metrics"}) {
                String label = "processor=\"" + processor + "\"";
                assertThat(present(scrape, "cardflow_processor_lag_seconds", label)).as("lag of %s", processor).isTrue();
                assertThat(value(scrape, "cardflow_processor_lag_seconds", label)).as("lag of %s", processor).isZero();
            }
        });
    }

    @Test
    void everySeriesTheDashboardAndTheAlertRulesReadIsExportedByThePlatform() {
        deliverOne();

        await().atMost(Shop.PATIENCE).untilAsserted(() -> {
            Set<String> exported = MonitoringFiles.seriesInScrape(scrape());
            Set<String> missing = new TreeSet<>(MonitoringFiles.allSeries());
            missing.removeAll(exported);
            missing.removeAll(MonitoringFiles.PROMETHEUS_OWN);
            assertThat(missing).as("series the dashboard or the rules read but the platform does not export").isEmpty();
        });
    }

    private void deliverOne() {
        Product product = shop.pooledProduct("9.90", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
    }

    /** The scrape as Prometheus reads it (plain HTTP: it is larger than the test client's buffer). */
    private String scrape() {
        try {
            HttpRequest request = TestHttp.request(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("metrics:" + Shop.METRICS_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<String> response = TestHttp.client().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean present(String scrape, String name, String label) {
        return scrape.lines().anyMatch(l -> l.startsWith(name + "{") && l.contains(label));
    }

    /** The sum of the series {@code name} whose labels include {@code label}; 0 when there is none. */
    private static double value(String scrape, String name, String label) {
        return scrape.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
