package dev.cardflow.platform.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.List;
import java.util.Map;

/** Request and answer examples of the operations a storefront uses most, as the platform really answers them. */
final class ApiExamples {

    private static final String ORDER_ID = "3f6c1f0e-8a51-4c8e-9d57-2b1f0f4b7a10";
    private static final String PRODUCT_ID = "a1d2c3b4-0000-4000-8000-000000000001";

    private ApiExamples() {
    }

    static void add(String operationId, Operation operation) {
        switch (operationId) {
            case "placeOrder" -> {
                request(operation, Map.of("productId", PRODUCT_ID, "quantity", 1, "email", "buyer@example.com",
                        "paymentMethod", "stripe", "language", "en"));
                answer(operation, "202", Map.of("orderId", ORDER_ID, "accessToken", "eyJvcmRlciI6IjNmNmMx…",
                        "status", "PLACED"));
            }
            case "getOrder" -> answer(operation, "200", Map.of(
                    "orderId", ORDER_ID, "status", "DELIVERED", "productId", PRODUCT_ID, "quantity", 1,
                    "amount", "9.90", "currency", "EUR",
                    "payment", Map.of("paymentId", "cs_test_a1b2c3", "payUrl", "https://checkout.stripe.com/c/pay/cs_test_a1b2c3"),
                    "timeline", List.of(
                            Map.of("status", "PLACED", "at", "2026-12-01T10:00:00Z", "detail", "order placed"),
                            Map.of("status", "PENDING_PAYMENT", "at", "2026-12-01T10:00:01Z", "detail", "awaiting payment"),
                            Map.of("status", "PAID", "at", "2026-12-01T10:01:12Z", "detail", "payment confirmed"),
                            Map.of("status", "DELIVERED", "at", "2026-12-01T10:01:13Z", "detail", "card keys delivered")),
                    "cardKeys", List.of("XXXX-YYYY-ZZZZ-0001")));
            case "listProducts" -> answer(operation, "200", List.of(Map.ofEntries(Map.entry("productId", PRODUCT_ID),
                    Map.entry("name", "Steam gift card 10 EUR"), Map.entry("price", "9.90"), Map.entry("currency", "EUR"),
                    Map.entry("available", 42), Map.entry("source", "POOL"),
                    Map.entry("description", "Redeemable on Steam in the EU."), Map.entry("maxPerOrder", 10),
                    Map.entry("priceTiers", List.of(Map.of("minQuantity", 5, "price", "9.50"))),
                    Map.entry("keyMode", "UNIQUE"))));
            case "refundOrder" -> {
                request(operation, Map.of("reason", "the buyer asked"));
                answer(operation, "202", Map.of("orderId", ORDER_ID, "action", "refund"));
            }
            default -> {
            }
        }
    }

    private static void request(Operation operation, Object value) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.example(value);
            }
        }
    }

    private static void answer(Operation operation, String status, Object value) {
        ApiResponse response = operation.getResponses().get(status);
        if (response != null && response.getContent() != null) {
            response.getContent().values().forEach(media -> media.setExamples(Map.of("example",
                    new Example().value(value))));
        }
    }
}
