package dev.cardflow.api.order;

import dev.cardflow.api.common.SealedCardKey;

import java.util.List;

/** The buyer received the card keys. */
public record OrderDelivered(String orderId, List<SealedCardKey> cardKeys, String email) implements OrderMessage {}
