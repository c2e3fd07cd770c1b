package dev.cardflow.api.inventory;

import dev.cardflow.api.common.SealedCardKey;

import java.util.List;

/** New keys entered a product's stock. */
public record CardKeysAdded(String productId, List<SealedCardKey> keys) {}
