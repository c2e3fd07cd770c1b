package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.AddCardKeys;
import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.CardKeysUpload;
import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.ProductRegistered;
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
    /** Keys on the shelf, oldest first, by fingerprint. */
    private LinkedHashMap<String, SealedCardKey> available = new LinkedHashMap<>();
    private Map<String, List<SealedCardKey>> reserved = new HashMap<>();
    /** Fingerprints of every key ever added: a key sold once is still a duplicate. */
    private Set<String> known = new HashSet<>();
    private Set<String> issuedOrders = new HashSet<>();

    protected Inventory() {
        // for Axon
    }

    @CommandHandler
    public Inventory(RegisterProduct command) {
        apply(new ProductRegistered(command.productId(), command.name(), command.price(), command.source(),
                command.sku()));
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
    }

    @EventSourcingHandler
    void on(CardKeysAdded event) {
        for (SealedCardKey key : event.keys()) {
            known.add(key.fingerprint());
            available.put(key.fingerprint(), key);
        }
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
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        reserved.remove(event.orderId());
        issuedOrders.add(event.orderId());
    }
}
