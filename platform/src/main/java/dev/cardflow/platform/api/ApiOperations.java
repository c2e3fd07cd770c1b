package dev.cardflow.platform.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.cardflow.platform.api.Access.*;
import static dev.cardflow.platform.api.Answer.ok;
import static dev.cardflow.platform.api.Answer.refusal;

/**
 * What the API description says of each operation beyond what the code's signatures tell springdoc: its name for
 * generated clients, who may call it, and every answer it gives — successes with their headers, refusals with their
 * problem codes. {@code ApiDescriptionIT} fails for an operation the application serves but this table does not
 * describe, and for one described here that is not served.
 */
final class ApiOperations {

    /** One operation as documented. */
    record Operation(String method, String path, String operationId, Access access, String summary,
                     List<Answer> answers) {

        String key() {
            return method + " " + path;
        }
    }

    static final String ORDER_CHANGE_CONFLICT = "order-status-conflict";

    private static final List<Operation> ALL = List.of(
            // the buyer's API
            op("GET", "/api/shop", "getShop", PUBLIC, "The shop: its name, its mode (demo or production) and its links",
                    ok(200, "The shop")),
            op("GET", "/api/products", "listProducts", PUBLIC,
                    "The products on sale, with their available stock, description, volume prices and cap per order",
                    ok(200, "The products that can be ordered")),
            op("GET", "/api/payment-methods", "listPaymentMethods", PUBLIC,
                    "The payment methods buyers may choose (for one product: those taking its currency)",
                    ok(200, "The usable methods, in the shop's order"),
                    refusal(404, "No such product", "unknown-product")),
            op("POST", "/api/orders", "placeOrder", PUBLIC,
                    "Places an order; it is accepted at once and fulfilled asynchronously. The same Idempotency-Key "
                            + "with the same body answers the same order again",
                    ok(202, "Accepted: the order and the access token to read it", "Location"),
                    refusal(400, "The placement is invalid (a quantity above the product's maxPerOrder too)",
                            "invalid-request", "invalid-quantity", "invalid-email", "invalid-idempotency-key",
                            "unknown-payment-method", "invalid-language", "invalid-query-password", "invalid-fields",
                            "missing-field", "invalid-coupon"),
                    refusal(404, "No such product", "unknown-product"),
                    refusal(409, "The Idempotency-Key was used with another body, or the product is not on sale",
                            "idempotency-key-reused", "product-unavailable"),
                    refusal(429, "Too many placements from this client, or too many of its orders unpaid",
                            "rate-limited", "too-many-unpaid-orders")),
            op("POST", "/api/orders/lookup", "lookUpOrders", PUBLIC,
                    "The orders placed with this e-mail and query password, with links to their pages; a wrong "
                            + "password and an unknown e-mail answer alike: an empty list",
                    ok(200, "The matching orders, newest first (or none)"),
                    refusal(400, "The e-mail or the password is missing or malformed", "invalid-request",
                            "invalid-email", "invalid-query-password"),
                    refusal(429, "Too many look-ups from this client", "rate-limited")),
            op("GET", "/api/orders/{orderId}", "getOrder", ORDER_TOKEN,
                    "The order as its buyer sees it: status, payment, timeline, keys and the product's instructions "
                            + "once delivered",
                    ok(200, "The order", "ETag", "Cache-Control"),
                    ok(304, "Not modified since the ETag given in If-None-Match", "ETag")),
            op("POST", "/api/orders/{orderId}/stream-ticket", "createStreamTicket", ORDER_TOKEN,
                    "A short-lived ticket that opens the live stream without the access token in the URL",
                    ok(200, "The ticket and when it expires")),
            op("GET", "/api/orders/{orderId}/updates", "streamOrderUpdates", ORDER_TOKEN,
                    "The order's status changes as Server-Sent Events (see the description of the answer)",
                    ok(200, "A text/event-stream: one `status` event per status change, starting with the current "
                            + "state, ending after a terminal status; `id` is the order's version, `data` the order "
                            + "as getOrder answers it; comments (`: keep-alive`) keep idle connections open")),
            op("POST", "/api/orders/{orderId}/payment-check", "requestPaymentCheck", ORDER_TOKEN,
                    "The buyer says the payment is made: the platform asks the provider at once (at most once every "
                            + "few seconds per order)",
                    ok(202, "Asked (or nothing to ask for a settled order)")),
            op("GET", "/api/orders/{orderId}/receipt", "getReceipt", ORDER_TOKEN,
                    "The order's signed receipt: its events' hash chain, signed with Ed25519",
                    ok(200, "The receipt"),
                    refusal(409, "The stored history no longer matches its recorded digests", "history-not-verified")),
            op("GET", "/api/receipt-keys", "listReceiptKeys", PUBLIC, "The public keys receipts are signed with",
                    ok(200, "The keys, base64 X.509 SubjectPublicKeyInfo", "Cache-Control")),
            op("POST", "/api/receipts/verify", "verifyReceipt", PUBLIC,
                    "Checks a receipt's signature and whether the stored history still begins with its entries",
                    ok(200, "The verdict (also for a tampered receipt)"),
                    refusal(400, "Not a cardflow receipt", "invalid-request", "invalid-receipt")),
            // what payment providers call
            op("POST", "/api/payments/notify", "receiveSimulatorNotification", PROVIDER,
                    "The bundled PSP's signed payment notification (X-Cardflow-Timestamp, X-Cardflow-Signature: "
                            + "sha256=<hex HMAC-SHA256 of \"timestamp.body\">); a repeated eventId is done already",
                    ok(200, "SUCCESS: the notification is durably recorded"),
                    refusal(400, "Not a notification", "invalid-notification"),
                    refusal(401, "Bad signature, or a timestamp more than 5 minutes off", "bad-signature")),
            op("POST", "/api/payments/stripe/webhook", "receiveStripeEvent", PROVIDER,
                    "Stripe's webhook events (checkout.session.completed, …), signed in the Stripe-Signature header",
                    ok(200, "Received"),
                    refusal(400, "A bad signature or not a Stripe event", "bad-signature", "invalid-notification")),
            op("GET", "/api/payments/epay/notify", "receiveEpayNotification", PROVIDER,
                    "An EPay (易支付) gateway's notification, signed with the merchant key (sign, sign_type=MD5)",
                    ok(200, "`success` once recorded; `fail` (also 200, as gateways expect) otherwise")),
            op("POST", "/api/payments/epay/notify", "receiveEpayNotificationByPost", PROVIDER,
                    "The same EPay notification, sent as a form POST",
                    ok(200, "`success` once recorded; `fail` (also 200, as gateways expect) otherwise")),
            // the operators' API
            op("GET", "/admin/api/products", "listProductsWithStock", OPERATOR,
                    "Every product, those not on sale too, with its details and its available, reserved and issued keys",
                    ok(200, "The products")),
            op("POST", "/admin/api/products", "registerProduct", ADMIN,
                    "Registers a product, with its optional details (description, instructions, enabled, "
                            + "maxPerOrder, lowStockThreshold, priceTiers, keyMode)",
                    ok(201, "Registered", "Location"),
                    refusal(400, "The product is invalid", "invalid-request", "invalid-price",
                            "invalid-low-stock-threshold", "invalid-max-per-order", "invalid-price-tiers",
                            "invalid-key-mode")),
            op("PATCH", "/admin/api/products/{productId}", "changeProduct", ADMIN,
                    "Changes the product's fields the body names (name, price, currency, description, instructions, "
                            + "enabled, maxPerOrder, lowStockThreshold, priceTiers); orders placed keep their price",
                    ok(200, "Changed: the product as it is now"),
                    refusal(400, "A field is invalid or cannot be changed", "invalid-request", "unknown-field",
                            "invalid-low-stock-threshold", "invalid-price", "invalid-max-per-order",
                            "invalid-price-tiers"),
                    refusal(404, "No such product", "not-found")),
            op("POST", "/admin/api/products/{productId}/card-keys", "uploadCardKeys", ADMIN,
                    "Adds card keys to a POOL product's stock (text/plain: one a line; or JSON); duplicates are skipped",
                    ok(200, "How many were added and how many skipped as duplicates"),
                    refusal(400, "The upload is invalid", "invalid-request", "invalid-card-key", "no-card-keys",
                            "too-many-card-keys", "one-reusable-key"),
                    refusal(404, "No such product", "not-found"),
                    refusal(409, "The product's keys are not uploaded but bought per order", "not-a-pool-product")),
            op("GET", "/admin/api/orders", "listOrders", OPERATOR, "Orders, newest first, by status and age",
                    ok(200, "A page of orders"),
                    refusal(400, "A parameter is invalid", "invalid-status", "invalid-duration", "invalid-page")),
            compensation("retry-fulfilment", "retryFulfilment", "Runs the order's current fulfilment step again"),
            compensation("refund", "refundOrder", "Refunds a paid order at its provider"),
            compensation("cancel", "cancelOrder", "Cancels an unpaid order"),
            compensation("confirm-payment", "confirmPayment",
                    "Confirms a payment the provider never reported (by its trade number)"),
            compensation("confirm-refund", "confirmRefund",
                    "Records a refund made by hand at a provider that cannot refund through its API"),
            compensation("deliver", "deliverOrder",
                    "Delivers a paid MANUAL order by hand: the lines become the order's card keys",
                    refusal(400, "No content, or too many or too long lines", "invalid-request"),
                    refusal(409, "Not a MANUAL order", "not-a-manual-order")),
            compensation("resend-delivery-notification", "resendDeliveryNotification",
                    "Sends the buyer's delivery mail again"),
            op("GET", "/admin/api/orders/{orderId}/audit", "auditOrder", OPERATOR,
                    "The order's events with their metadata, the fulfilment's decisions replayed, and the hash chain's "
                            + "integrity",
                    ok(200, "The audit"), refusal(404, "No such order", "order-not-found")),
            op("GET", "/admin/api/audit", "auditOrders", OPERATOR,
                    "The replay audit of every order placed in a time range", ok(200, "The bulk audit"),
                    refusal(400, "The range is invalid", "invalid-range")),
            op("GET", "/admin/api/coupons", "listCoupons", OPERATOR, "The coupons, with how often each was used",
                    ok(200, "The coupons")),
            op("POST", "/admin/api/coupons", "createCoupon", ADMIN,
                    "Creates a coupon (PERCENT or FIXED; for some products, from a minimum amount, with a use "
                            + "limit and an expiry)",
                    ok(201, "Created", "Location"),
                    refusal(400, "The coupon is invalid", "invalid-request", "invalid-coupon", "invalid-coupon-value",
                            "invalid-max-uses"),
                    refusal(409, "A coupon with this code exists already", "coupon-exists")),
            op("DELETE", "/admin/api/coupons/{code}", "disableCoupon", ADMIN,
                    "Disables a coupon: later placements with it are refused; orders that used it keep their discount",
                    ok(204, "Disabled"), refusal(404, "No such coupon", "not-found")),
            op("GET", "/admin/api/stats", "getSalesStats", OPERATOR,
                    "Orders placed, delivered, refunded and cancelled, revenue per currency, per product and per day",
                    ok(200, "The figures for the range"), refusal(400, "The range is invalid", "invalid-range")),
            op("GET", "/admin/api/orders.csv", "exportOrders", OPERATOR,
                    "The orders placed in a range as CSV (a header line, then one order a line)",
                    ok(200, "text/csv"), refusal(400, "The range is invalid", "invalid-range")),
            op("GET", "/admin/api/payments/unmatched-notifications", "listUnmatchedNotifications", OPERATOR,
                    "Signed payment notifications that matched no order", ok(200, "The notifications")),
            op("GET", "/admin/api/circuit-breakers", "listCircuitBreakers", OPERATOR,
                    "The state of the circuit breakers before the providers and suppliers", ok(200, "The breakers")),
            op("GET", "/admin/api/alerts", "listAlerts", OPERATOR,
                    "Recent operator alerts with each channel's delivery outcome", ok(200, "The alerts"),
                    refusal(400, "A parameter is invalid", "invalid-limit", "unknown-alert-kind")),
            op("GET", "/admin/api/projections", "listProjections", OPERATOR,
                    "Each projection's position and whether it is replaying", ok(200, "The projections")),
            op("POST", "/admin/api/projections/{name}/rebuild", "rebuildProjection", ADMIN,
                    "Resets a projection and replays it from the event store while the platform keeps running",
                    ok(202, "Replaying"), refusal(404, "No such projection", "unknown-projection")),
            op("GET", "/admin/api/dead-letters", "listDeadLetters", OPERATOR,
                    "Events a processor could not handle, parked per order", ok(200, "The dead letters")),
            op("POST", "/admin/api/dead-letters/{processingGroup}/retry", "retryDeadLetters", ADMIN,
                    "Handles a processing group's parked events again", ok(200, "How many were handled"),
                    refusal(404, "No such processing group", "unknown-processing-group")),
            op("GET", "/admin/api/operators", "listOperators", ADMIN, "The operator accounts",
                    ok(200, "The accounts")),
            op("POST", "/admin/api/operators", "createOperator", ADMIN, "Creates an operator account",
                    ok(201, "Created", "Location"),
                    refusal(400, "The account is invalid", "invalid-request", "invalid-username", "invalid-password",
                            "invalid-role"),
                    refusal(409, "The account exists already", "operator-exists")),
            op("DELETE", "/admin/api/operators/{username}", "deleteOperator", ADMIN, "Deletes an operator account",
                    ok(204, "Deleted"), refusal(404, "No such account", "operator-not-found")));

    private static final Map<String, Operation> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(Operation::key, Function.identity()));

    private ApiOperations() {
    }

    static List<Operation> all() {
        return ALL;
    }

    static Optional<Operation> find(String method, String path) {
        return Optional.ofNullable(BY_KEY.get(method + " " + path));
    }

    private static Operation op(String method, String path, String operationId, Access access, String summary,
                                Answer... answers) {
        return new Operation(method, path, operationId, access, summary, List.of(answers));
    }

    /** An operator's compensation on one order: accepted, or refused by the order's state machine. */
    private static Operation compensation(String action, String operationId, String summary, Answer... more) {
        List<Answer> answers = new ArrayList<>(Arrays.asList(
                ok(202, "Accepted: the order and the action"),
                refusal(404, "No such order", "not-found"),
                refusal(409, "The order's status does not allow it", ORDER_CHANGE_CONFLICT)));
        answers.addAll(Arrays.asList(more));
        return new Operation("POST", "/admin/api/orders/{orderId}/" + action, operationId, OPERATOR, summary,
                List.copyOf(answers));
    }
}
