package dev.cardflow.platform.order;

import dev.cardflow.fulfilment.saga.OrderFulfilmentSaga;
import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.CardflowPlatform;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing in flight is lost when the platform stops between a payment and the delivery. */
class RestartIT {

    @Test
    void orderPaidBeforeARestartIsDeliveredAfterIt() {
        String database = TestDatabase.create();
        List<String> keys = Shop.keys(1);
        PlacedOrder order;

        try (ConfigurableApplicationContext before = start(database)) {
            Shop shop = new Shop(port(before));
            Product product = shop.pooledProduct("7.00", keys);
            order = shop.place(product.productId(), 1, Shop.email());
            String paymentId = shop.awaitPayment(order);

            fulfilment(before).shutDown();
            shop.pay(paymentId);

            assertThat(shop.awaitStatus(order, "PAID").get("cardKeys").isNull()).isTrue();
        }

        try (ConfigurableApplicationContext after = start(database)) {
            Shop shop = new Shop(port(after));
            assertThat(shop.awaitStatus(order, "DELIVERED").get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(CardflowPlatform.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--cardflow.admin.password=" + Shop.ADMIN_PASSWORD,
                "--cardflow.rate-limit-per-minute=1000000",
                "--cardflow.max-unpaid-orders=1000000",
                "--cardflow.psp.webhook-secret=restart-test-secret");
    }

    private static EventProcessor fulfilment(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(OrderFulfilmentSaga.PROCESSING_GROUP)
                .orElseThrow();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
