package dev.cardflow.api.order;

import dev.cardflow.api.common.SealedCardKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order as its status view holds it: the answer to {@link FindOrderStatus} and each update of
 * its subscription. Card keys are sealed; only an authorised reader opens them.
 *
 * @param version       grows with every event applied; the HTTP ETag
 * @param paymentMethod the payment provider the buyer chose
 * @param source        where the order's keys come from ({@code null} for orders projected before it was kept)
 * @param fields        the buyer's values of a MANUAL product's buyer fields, or {@code null}
 * @param couponCode    the coupon the order used, or {@code null}
 * @param discount      what the coupon took off {@code amount} (already after it), or {@code null}
 */
public record OrderStatusView(String orderId, OrderStatus status, String productId, String productName,
                              int quantity, String amount, String currency, String email, String paymentId,
                              String payUrl, Instant payBy, List<TimelineEntry> timeline,
                              List<SealedCardKey> cardKeys, String reason, Instant placedAt, Instant statusSince,
                              Instant updatedAt, long version, String paymentMethod, String source,
                              Map<String, String> fields, String couponCode, String discount) {

    /** A view without source, buyer fields or coupon. */
    public OrderStatusView(String orderId, OrderStatus status, String productId, String productName,
                           int quantity, String amount, String currency, String email, String paymentId,
                           String payUrl, Instant payBy, List<TimelineEntry> timeline,
                           List<SealedCardKey> cardKeys, String reason, Instant placedAt, Instant statusSince,
                           Instant updatedAt, long version, String paymentMethod) {
        this(orderId, status, productId, productName, quantity, amount, currency, email, paymentId, payUrl, payBy,
                timeline, cardKeys, reason, placedAt, statusSince, updatedAt, version, paymentMethod, null, null, null,
                null);
    }

    /**
     * One stage of an order as the buyer sees it.
     *
     * @param code   a stable name of the stage (pages translate by it)
     * @param detail a sentence for the buyer, in English
     * @param data   the values in that sentence (e.g. {@code attempt}, {@code maxAttempts}, {@code reason}),
     *               for pages that word it in another language; may be empty
     */
    public record TimelineEntry(OrderStatus status, Instant at, String code, String detail, Map<String, Object> data) {

        public TimelineEntry {
            data = data == null ? Map.of() : Map.copyOf(data);
        }

        public TimelineEntry(OrderStatus status, Instant at, String code, String detail) {
            this(status, at, code, detail, Map.of());
        }
    }
}
