package dev.cardflow.fulfilment.supplier;

import dev.cardflow.api.order.DeliverOrder;
import dev.cardflow.fulfilment.process.Decision.BuyCardKeys;
import dev.cardflow.infrastructure.security.CardKeyCipher;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Buys an order's keys from the primary supplier and fails over to the backup when the primary
 * fails or its circuit breaker is open. The same request id goes to both, so a retry never buys
 * twice from one supplier. Keys are sealed the moment they arrive.
 */
public class CardPurchase {

    private static final Logger log = LoggerFactory.getLogger(CardPurchase.class);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final CardSupplier primary;
    private final CardSupplier backup;
    private final CardKeyCipher cipher;

    public CardPurchase(CardSupplier primary, CardSupplier backup, CardKeyCipher cipher) {
        this.primary = primary;
        this.backup = backup;
        this.cipher = cipher;
    }

    public CompletableFuture<DeliverOrder> buy(BuyCardKeys order) {
        // the failover runs on the thread that saw the failure: it continues the trace of the purchase
        ContextSnapshot trace = SNAPSHOTS.captureAll();
        return primary.issue(order.requestId(), order.sku(), order.quantity())
                .exceptionallyCompose(failure -> {
                    log.warn("Order {} (attempt {}): supplier {} failed ({}); trying {}", order.orderId(),
                            order.attempt(), primary.name(), describe(failure), backup.name());
                    try (ContextSnapshot.Scope ignored = trace.setThreadLocals()) {
                        return backup.issue(order.requestId(), order.sku(), order.quantity());
                    }
                })
                .thenApply(keys -> new DeliverOrder(order.orderId(), seal(keys)));
    }

    /** A short, key-free account of why a purchase failed, for the order's timeline and the log. */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            return "supplier unavailable (circuit open)";
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return "supplier timed out";
        }
        if (t instanceof org.springframework.web.reactive.function.client.WebClientResponseException r) {
            return "supplier answered " + r.getStatusCode().value();
        }
        return "supplier unreachable (" + t.getClass().getSimpleName() + ")";
    }

    private List<dev.cardflow.api.common.SealedCardKey> seal(List<String> keys) {
        return keys.stream().map(cipher::seal).toList();
    }
}
