package dev.cardflow.simulator.psp;

import dev.cardflow.simulator.SimulatorProperties;
import dev.cardflow.simulator.chaos.ChaosKnobs;
import dev.cardflow.simulator.chaos.FixedChaos;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The PSP simulator as a merchant and a buyer meet it; its tables are PostgreSQL's business (ProviderSimulatorsIT). */
class PspControllerTest {

    private final Payments payments = mock(Payments.class);
    private final Notifications notifications = mock(Notifications.class);
    private final FixedChaos chaos = new FixedChaos();
    private final WebTestClient http = WebTestClient.bindToController(new PspController(payments, notifications, chaos,
            new SimulatorProperties("secret", "", Duration.ofMinutes(10), Duration.ofMillis(200))))
            .configureClient().responseTimeout(java.time.Duration.ofSeconds(30)).build(); // a loaded CI machine is slow to warm up

    private static Payments.Payment payment(String status) {
        return new Payments.Payment("pay_1", "order-1", "5.00", "EUR", "http://shop/notify", status, false);
    }

    private WebTestClient.ResponseSpec create(Map<String, String> body) {
        return http.post().uri("/simulator/psp/v1/payments").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    @Test
    void aPaymentRequestWithoutItsNotifyUrlOrWithANonPositiveAmountIsRefused() {
        create(Map.of("merchantOrderId", "order-1", "amount", "5.00", "currency", "EUR")).expectStatus().isBadRequest();
        create(Map.of("merchantOrderId", "order-1", "amount", "0", "currency", "EUR", "notifyUrl", "http://shop/n"))
                .expectStatus().isBadRequest();
        create(Map.of("merchantOrderId", "order-1", "amount", "five", "currency", "EUR", "notifyUrl", "http://shop/n"))
                .expectStatus().isBadRequest();
        verifyNoInteractions(payments);
    }

    @Test
    void aNewPaymentIsPendingWithAPayLinkOnThisSimulator() {
        when(payments.create(eq("order-1"), eq("5.00"), eq("EUR"), anyString(), anyBoolean()))
                .thenReturn(payment("PENDING"));

        create(Map.of("merchantOrderId", "order-1", "amount", "5.00", "currency", "EUR", "notifyUrl", "http://shop/notify"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paymentId").isEqualTo("pay_1").jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.payUrl").value(url -> org.assertj.core.api.Assertions.assertThat((String) url)
                        .endsWith("/simulator/psp/pay/pay_1"));
    }

    @Test
    void theSameMerchantOrderAskedForAnotherAmountIsAConflict() {
        when(payments.create(eq("order-1"), eq("6.00"), eq("EUR"), anyString(), anyBoolean()))
                .thenReturn(payment("PENDING"));

        create(Map.of("merchantOrderId", "order-1", "amount", "6.00", "currency", "EUR", "notifyUrl", "http://shop/n"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void onlyAPaidPaymentIsRefundedAndNeverForMoreThanWasPaid() {
        when(payments.find("pay_1")).thenReturn(Optional.of(payment("PENDING")));
        http.post().uri("/simulator/psp/v1/payments/pay_1/refunds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refundId", "r-1", "amount", "5.00")).exchange().expectStatus().isEqualTo(409);

        when(payments.find("pay_1")).thenReturn(Optional.of(payment("SUCCEEDED")));
        http.post().uri("/simulator/psp/v1/payments/pay_1/refunds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refundId", "r-1", "amount", "5.01")).exchange().expectStatus().isBadRequest();
        verify(payments, never()).refund(anyString(), anyString(), anyString());

        when(payments.refund("pay_1", "r-1", "5.00")).thenReturn(new Payments.Refund("r-1", "pay_1", "5.00"));
        http.post().uri("/simulator/psp/v1/payments/pay_1/refunds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refundId", "r-1", "amount", "5.00")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SUCCEEDED");
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        when(payments.find("pay_x")).thenReturn(Optional.empty());

        http.get().uri("/simulator/psp/v1/payments/pay_x").exchange().expectStatus().isNotFound();
    }

    @Test
    void whenThePspFailsTheMerchantsCallsGet503ButTheBuyersPayButtonStillWorks() {
        chaos.change(PspController.CHAOS, new ChaosKnobs.ChaosChange(null, null, 1.0, null, null, null, null, null));
        when(payments.find("pay_1")).thenReturn(Optional.of(payment("PENDING")));
        when(payments.refundIds("pay_1")).thenReturn(List.of());

        http.get().uri("/simulator/psp/v1/payments/pay_1").exchange().expectStatus().isEqualTo(503);
        http.post().uri("/simulator/psp/v1/payments/pay_1/complete").exchange().expectStatus().isOk();

        verify(payments).settle(eq("pay_1"), eq("SUCCEEDED"), any());
    }
}
