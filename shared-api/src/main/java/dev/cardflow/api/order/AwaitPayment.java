package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static dev.cardflow.api.common.Require.*;

/** Records that the PSP created the order's payment; the order now waits for the buyer to pay. */
public record AwaitPayment(@TargetAggregateIdentifier String orderId, String paymentId, String payUrl, Instant expiresAt) {
    public AwaitPayment {
        text(orderId, "orderId");
        text(paymentId, "paymentId");
        text(payUrl, "payUrl");
        present(expiresAt, "expiresAt");
    }
}
