package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.AddCardKeys;
import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.CardKeysUpload;
import dev.cardflow.api.inventory.ChangeLowStockThreshold;
import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ProductLowStockThresholdChanged;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductStockLow;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.RegisterProduct;
import dev.cardflow.api.inventory.ReleaseStock;
import dev.cardflow.api.inventory.ReserveStock;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product's catalogue entry and, for {@code POOL} products, its stock of card keys: keys are
 * added once (by fingerprint), reserved for one order, then either released or issued — and an
 * issued key never comes back. Events name only the keys they move, and the aggregate is cached
 * and snapshotted, so a product with tens of thousands of keys is not replayed per order.
 */
@Aggregate(cache = "inventoryCache", snapshotTriggerDefinition = "inventorySnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Inventory {

    @AggregateIdentifier
    private String productId;
    private ProductSource source;
    /** The name as registered, for what the inventory tells operators. */
    private String name;
    /** Keys on the shelf, oldest first, by fingerprint. */
    private LinkedHashMap<String, SealedCardKey> available = new LinkedHashMap<>();
    private Map<String, List<SealedCardKey>> reserved = new HashMap<>();
    /** Fingerprints of every key ever added: a key sold once is still a duplicate. */
    private Set<String> known = new HashSet<>();
    private Set<String> issuedOrders = new HashSet<>();
    /** At or below this many available keys the product is low on stock; null: never. */
    private Integer lowStockThreshold;
    /** Whether the last crossing was downwards (said by {@link ProductStockLow}); an empty new product counts as low. */
    private boolean lowStock;

    protected Inventory() {
        // for Axon
    }

    @CommandHandler
    public Inventory(RegisterProduct command) {
        apply(new ProductRegistered(command.productId(), command.name(), command.price(), command.source(),
                command.sku(), command.lowStockThreshold(), command.buyerFields().isEmpty() ? null : command.buyerFields()));
    }

    @CommandHandler
    public void handle(ChangeLowStockThreshold command) {
        if (Objects.equals(lowStockThreshold, command.lowStockThreshold())) {
            return;
        }
        apply(new ProductLowStockThresholdChanged(productId, command.lowStockThreshold()));
        watchStock();
    }

    @CommandHandler
    public CardKeysUpload handle(AddCardKeys command) {
        if (source != ProductSource.POOL) {
            throw new InventoryRefused.NotAPoolProduct(productId);
        }
        Map<String, SealedCardKey> fresh = new LinkedHashMap<>();
        for (SealedCardKey key : command.keys()) {
            if (!known.contains(key.fingerprint())) {
                fresh.putIfAbsent(key.fingerprint(), key);
            }
        }
        if (!fresh.isEmpty()) {
            apply(new CardKeysAdded(productId, List.copyOf(fresh.values())));
        }
        return new CardKeysUpload(fresh.size(), command.keys().size() - fresh.size());
    }

    /** Reserves keys for an order; a repeat for the same order is a no-op, a shortage is an event, not an error. */
    @CommandHandler
    public void handle(ReserveStock command) {
        if (reserved.containsKey(command.orderId()) || issuedOrders.contains(command.orderId())) {
            return;
        }
        if (available.size() < command.quantity()) {
            apply(new StockReservationRejected(productId, command.orderId(), command.quantity(), available.size()));
            return;
        }
        List<SealedCardKey> keys = new ArrayList<>(command.quantity());
        Iterator<SealedCardKey> shelf = available.values().iterator();
        while (keys.size() < command.quantity()) {
            keys.add(shelf.next());
        }
        apply(new StockReserved(productId, command.orderId(), keys));
        watchStock();
    }

    /** Says once when the available keys fell to the threshold; the event-sourcing handlers notice the way back up. */
    private void watchStock() {
        if (source == ProductSource.POOL && lowStockThreshold != null && !lowStock
                && available.size() <= lowStockThreshold) {
            apply(new ProductStockLow(productId, name, available.size(), lowStockThreshold));
        }
    }

    @CommandHandler
    public void handle(ReleaseStock command) {
        List<SealedCardKey> keys = reserved.get(command.orderId());
        if (keys != null) {
            apply(new StockReleased(productId, command.orderId(), keys.size()));
        }
    }

    @CommandHandler
    public void handle(IssueReservedStock command) {
        if (issuedOrders.contains(command.orderId())) {
            return;
        }
        List<SealedCardKey> keys = reserved.get(command.orderId());
        if (keys == null) {
            throw new InventoryRefused.NothingReserved(productId, command.orderId());
        }
        apply(new StockIssued(productId, command.orderId(), keys));
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        productId = event.productId();
        source = event.source();
        name = event.name();
        lowStockThreshold = event.lowStockThreshold();
        lowStock = true;
    }

    @EventSourcingHandler
    void on(ProductLowStockThresholdChanged event) {
        lowStockThreshold = event.lowStockThreshold();
        noticeRecovery();
    }

    @EventSourcingHandler
    void on(ProductStockLow event) {
        lowStock = true;
    }

    private void noticeRecovery() {
        if (lowStockThreshold == null || available.size() > lowStockThreshold) {
            lowStock = false;
        }
    }

    @EventSourcingHandler
    void on(CardKeysAdded event) {
        for (SealedCardKey key : event.keys()) {
            known.add(key.fingerprint());
            available.put(key.fingerprint(), key);
        }
        noticeRecovery();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        event.keys().forEach(key -> available.remove(key.fingerprint()));
        reserved.put(event.orderId(), List.copyOf(event.keys()));
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        List<SealedCardKey> keys = reserved.remove(event.orderId());
        if (keys != null) {
            keys.forEach(key -> available.put(key.fingerprint(), key));
        }
        noticeRecovery();
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        reserved.remove(event.orderId());
        issuedOrders.add(event.orderId());
    }
}
