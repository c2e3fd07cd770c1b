package dev.cardflow.fulfilment.supplier;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The port to one card supplier: it issues fresh keys for a SKU, idempotently per request id. */
public interface CardSupplier {

    String name();

    CompletableFuture<List<String>> issue(String requestId, String sku, int quantity);
}
