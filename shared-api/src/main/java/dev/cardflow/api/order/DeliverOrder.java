package dev.cardflow.api.order;

import dev.cardflow.api.common.SealedCardKey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

import static dev.cardflow.api.common.Require.*;

/** Hands the issued card keys to the buyer; an order is delivered at most once. */
public record DeliverOrder(@TargetAggregateIdentifier String orderId, List<SealedCardKey> cardKeys) {
    public DeliverOrder {
        text(orderId, "orderId");
        cardKeys = List.copyOf(notEmpty(cardKeys, "cardKeys"));
    }
}
