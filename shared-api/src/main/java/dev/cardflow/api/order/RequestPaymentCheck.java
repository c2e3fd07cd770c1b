package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

import static dev.cardflow.api.common.Require.present;
import static dev.cardflow.api.common.Require.text;

/**
 * The buyer says the payment is made (back from the provider's page, or still looking at an unpaid
 * order): ask the provider now — unless the last question is less than {@code spacing} old.
 */
public record RequestPaymentCheck(@TargetAggregateIdentifier String orderId, Instant requestedAt, Duration spacing) {

    public RequestPaymentCheck {
        text(orderId, "orderId");
        present(requestedAt, "requestedAt");
        present(spacing, "spacing");
    }
}
