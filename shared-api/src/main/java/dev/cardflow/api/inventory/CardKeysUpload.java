package dev.cardflow.api.inventory;

/** The answer to {@link AddCardKeys}: how many keys were new and how many were already in the pool. */
public record CardKeysUpload(int added, int duplicates) {}
