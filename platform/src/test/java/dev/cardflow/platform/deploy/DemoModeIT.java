package dev.cardflow.platform.deploy;

import dev.cardflow.platform.support.PlatformTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Demo mode (the default) tells the pages so, and its simulators are there. */
@PlatformTest
class DemoModeIT {

    @LocalServerPort
    int port;

    @Test
    void theShopSaysItIsADemo() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        http.get().uri("/api/shop").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"mode\":\"demo\"}", true);
        http.get().uri("/simulator/psp/pay.css").exchange().expectStatus().isOk();
    }
}
