package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.AddCardKeys;
import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.CardKeysUpload;
import dev.cardflow.api.inventory.ChangeLowStockThreshold;
import dev.cardflow.api.inventory.ChangeProductDetails;
import dev.cardflow.api.inventory.DisableProduct;
import dev.cardflow.api.inventory.EnableProduct;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.PriceTier;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductDisabled;
import dev.cardflow.api.inventory.ProductEnabled;
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
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.Collections;
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
 * and snapshotted, so a product with tens of thousands of keys is not replayed per order. It also keeps the
 * product's shop-window details (price, tiers, limits, texts, on sale or not), whose changes it decides; a
 * {@code REUSABLE} product holds one key that every order gets and that never leaves the shelf.
 * (Revision 2: snapshots from before the details were kept are not read.)
 */
@Revision("2")
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
    private KeyMode keyMode = KeyMode.UNIQUE;
    private boolean enabled = true;
    private Money price;
    private List<PriceTier> priceTiers = List.of();
    private String description;
    private String instructions;
    private Integer maxPerOrder;

    protected Inventory() {
        // for Axon
    }

    @CommandHandler
    public Inventory(RegisterProduct command) {
        apply(new ProductRegistered(command.productId(), command.name(), command.price(), command.source(),
                command.sku(), command.lowStockThreshold(), command.description(), command.instructions(),
                command.enabled(), command.maxPerOrder(), command.priceTiers(), command.keyMode(),
                command.buyerFields().isEmpty() ? null : command.buyerFields()));
    }

    /** Merges the change into the current details; a change that changes nothing is no event. */
    @CommandHandler
    public void handle(ChangeProductDetails command) {
        Money newPrice = command.price() != null ? command.price() : price;
        List<PriceTier> tiers = command.cleared().contains("priceTiers") ? List.of()
                : command.priceTiers() != null ? command.priceTiers() : priceTiers;
        // tiers kept from before must still be in the (perhaps new) currency
        tiers = PriceTier.checked(tiers, newPrice);
        ProductDetailsChanged changed = new ProductDetailsChanged(productId,
                command.name() != null ? command.name() : name, newPrice, tiers,
                merged(command, "description", command.description(), description),
                merged(command, "instructions", command.instructions(), instructions),
                merged(command, "maxPerOrder", command.maxPerOrder(), maxPerOrder));
        if (!changed.equals(new ProductDetailsChanged(productId, name, price, priceTiers, description, instructions,
                maxPerOrder))) {
            apply(changed);
        }
    }

    private static <T> T merged(ChangeProductDetails command, String field, T given, T current) {
        if (command.cleared().contains(field)) {
            return null;
        }
        return given != null ? given : current;
    }

    @CommandHandler
    public void handle(EnableProduct command) {
        if (!enabled) {
            apply(new ProductEnabled(productId));
        }
    }

    @CommandHandler
    public void handle(DisableProduct command) {
        if (enabled) {
            apply(new ProductDisabled(productId));
        }
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
        if (keyMode == KeyMode.REUSABLE) {
            return replaceReusableKey(command);
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

    /**
     * A REUSABLE product holds one key: an upload of one key puts it on the shelf in place of the one before (the
     * same key again is a duplicate); keys sold before stay sold, so the duplicate check of unique keys does not apply.
     */
    private CardKeysUpload replaceReusableKey(AddCardKeys command) {
        if (command.keys().size() != 1) {
            throw new InventoryRefused.OneReusableKey(productId);
        }
        SealedCardKey key = command.keys().get(0);
        if (available.containsKey(key.fingerprint())) {
            return new CardKeysUpload(0, 1);
        }
        apply(new CardKeysAdded(productId, List.of(key)));
        return new CardKeysUpload(1, 0);
    }

    /** Reserves keys for an order; a repeat for the same order is a no-op, a shortage is an event, not an error. */
    @CommandHandler
    public void handle(ReserveStock command) {
        if (reserved.containsKey(command.orderId()) || issuedOrders.contains(command.orderId())) {
            return;
        }
        if (keyMode == KeyMode.REUSABLE && !available.isEmpty()) {
            // every unit bought is the one key, which stays on the shelf for the next buyer
            apply(new StockReserved(productId, command.orderId(),
                    Collections.nCopies(command.quantity(), available.values().iterator().next())));
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
        if (source == ProductSource.POOL && keyMode != KeyMode.REUSABLE && lowStockThreshold != null && !lowStock
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
        keyMode = event.keyModeOrDefault();
        enabled = event.enabledOrDefault();
        price = event.price();
        priceTiers = event.priceTiers();
        description = event.description();
        instructions = event.instructions();
        maxPerOrder = event.maxPerOrder();
    }

    @EventSourcingHandler
    void on(ProductDetailsChanged event) {
        name = event.name();
        price = event.price();
        priceTiers = event.priceTiers();
        description = event.description();
        instructions = event.instructions();
        maxPerOrder = event.maxPerOrder();
    }

    @EventSourcingHandler
    void on(ProductEnabled event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(ProductDisabled event) {
        enabled = false;
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
        if (keyMode == KeyMode.REUSABLE) {
            available.clear();
        }
        for (SealedCardKey key : event.keys()) {
            known.add(key.fingerprint());
            available.put(key.fingerprint(), key);
        }
        noticeRecovery();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        if (keyMode != KeyMode.REUSABLE) {
            event.keys().forEach(key -> available.remove(key.fingerprint()));
        }
        reserved.put(event.orderId(), List.copyOf(event.keys()));
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        List<SealedCardKey> keys = reserved.remove(event.orderId());
        if (keys != null && keyMode != KeyMode.REUSABLE) {
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
