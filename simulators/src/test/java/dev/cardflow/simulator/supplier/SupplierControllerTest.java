package dev.cardflow.simulator.supplier;

import dev.cardflow.simulator.chaos.ChaosKnobs;
import dev.cardflow.simulator.chaos.FixedChaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The card suppliers as the fulfilment meets them. */
class SupplierControllerTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final FixedChaos chaos = new FixedChaos();
    private final WebTestClient http = WebTestClient.bindToController(
            new SupplierController(jdbc, chaos, new ObjectMapper()))
            .configureClient().responseTimeout(java.time.Duration.ofSeconds(30)).build(); // a loaded CI machine is slow to warm up
    /** What the supplier's table holds: (supplier, request id) → keys, first write wins as in PostgreSQL. */
    private final Map<String, String> issued = new HashMap<>();

    SupplierControllerTest() {
        doAnswer(call -> issued.putIfAbsent(call.getArgument(1) + "/" + call.getArgument(2), call.getArgument(5)) == null ? 1 : 0)
                .when(jdbc).update(anyString(), any(), any(), any(), any(), any(), any());
        when(jdbc.queryForObject(anyString(), eq(String.class), any(), any()))
                .thenAnswer(call -> issued.get(call.getArgument(2) + "/" + call.getArgument(3)));
    }

    private WebTestClient.ResponseSpec issue(String supplier, Map<String, Object> body) {
        return http.post().uri("/simulator/suppliers/{supplier}/v1/issue", supplier)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aSupplierIssuesTheRequestedNumberOfFreshKeysMarkedWithItsName() {
        issue("primary", Map.of("requestId", "req-1", "sku", "STEAM-10", "quantity", 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.requestId").isEqualTo("req-1")
                .jsonPath("$.cardKeys.length()").isEqualTo(2)
                .jsonPath("$.cardKeys[0]").value(key -> assertThat((String) key)
                        .matches("PRI(-[A-Z2-9]{4}){4}"));
    }

    @Test
    void anUnknownSupplierIsNotFound() {
        issue("tertiary", Map.of("requestId", "req-1", "sku", "STEAM-10", "quantity", 1)).expectStatus().isNotFound();
    }

    @Test
    void aRequestWithoutItsIdOrForNoneOrMoreThanAHundredKeysIsRefused() {
        issue("primary", Map.of("sku", "STEAM-10", "quantity", 1)).expectStatus().isBadRequest();
        issue("primary", Map.of("requestId", "req-1", "sku", "STEAM-10", "quantity", 0)).expectStatus().isBadRequest();
        issue("primary", Map.of("requestId", "req-1", "sku", "STEAM-10", "quantity", 101)).expectStatus().isBadRequest();
        assertThat(issued).isEmpty();
    }

    @Test
    void whenThePrimaryFailsTheBackupStillIssues() {
        chaos.change("primary", new ChaosKnobs.ChaosChange(null, null, 1.0, null, null, null, null, null));

        issue("primary", Map.of("requestId", "req-1", "sku", "STEAM-10", "quantity", 1)).expectStatus().isEqualTo(503);
        issue("backup", Map.of("requestId", "req-1", "sku", "STEAM-10", "quantity", 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.cardKeys[0]").value(key -> assertThat((String) key).startsWith("BAC-"));
        assertThat(issued).containsOnlyKeys("backup/req-1");
    }
}
