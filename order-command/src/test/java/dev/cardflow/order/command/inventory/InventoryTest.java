package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.Money;
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
import dev.cardflow.infrastructure.axon.AxonSerializationConfiguration;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * A product's stock of card keys: added once by fingerprint, reserved for one order at a time,
 * then released or issued for good.
 */
class InventoryTest {

    private static final String PRODUCT = "p-1";
    private static final Money PRICE = Money.of("9.90", "EUR");
    private static final ProductRegistered POOL_PRODUCT =
            new ProductRegistered(PRODUCT, "Steam 10 EUR", PRICE, ProductSource.POOL, null);

    private static final SealedCardKey K1 = key(1);
    private static final SealedCardKey K2 = key(2);
    private static final SealedCardKey K3 = key(3);
    private static final SealedCardKey K4 = key(4);

    private AggregateTestFixture<Inventory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inventory.class);
    }

    private static SealedCardKey key(int n) {
        return new SealedCardKey("fingerprint-" + n, "v1:ciphertext-" + n);
    }

    private static CardKeysAdded added(SealedCardKey... keys) {
        return new CardKeysAdded(PRODUCT, List.of(keys));
    }

    private static StockReserved reserved(String orderId, SealedCardKey... keys) {
        return new StockReserved(PRODUCT, orderId, List.of(keys));
    }

    // registering

    @Test
    void poolProductIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(PRODUCT, "Steam 10 EUR", PRICE, ProductSource.POOL, null))
                .expectEvents(POOL_PRODUCT);
    }

    @Test
    void upstreamProductIsRegisteredWithItsSku() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(PRODUCT, "Xbox 25 EUR", PRICE, ProductSource.UPSTREAM, "XBOX-25"))
                .expectEvents(new ProductRegistered(PRODUCT, "Xbox 25 EUR", PRICE, ProductSource.UPSTREAM, "XBOX-25"));
    }

    // low stock

    private static final ProductRegistered WATCHED_PRODUCT =
            new ProductRegistered(PRODUCT, "Steam 10 EUR", PRICE, ProductSource.POOL, null, 1);

    @Test
    void productIsRegisteredWithItsLowStockThreshold() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(PRODUCT, "Steam 10 EUR", PRICE, ProductSource.POOL, null, 1))
                .expectEvents(WATCHED_PRODUCT);
    }

    @Test
    void reservationThatLeavesStockAtTheThresholdSaysStockIsLow() {
        fixture.given(WATCHED_PRODUCT, added(K1, K2, K3), reserved("o-1", K1))
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(reserved("o-2", K2), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1));
    }

    @Test
    void stockStillLowSaysNothingMore() {
        fixture.given(WATCHED_PRODUCT, added(K1, K2, K3), reserved("o-1", K1, K2), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1))
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(reserved("o-2", K3));
    }

    @Test
    void stockThatRoseAboveTheThresholdAndFellAgainSaysSoAgain() {
        fixture.given(WATCHED_PRODUCT, added(K1, K2), reserved("o-1", K1), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1),
                        added(K3))
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(reserved("o-2", K2), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1));
    }

    @Test
    void stockReleasedAboveTheThresholdCountsAsRisen() {
        fixture.given(WATCHED_PRODUCT, added(K1, K2), reserved("o-1", K1), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1),
                        new StockReleased(PRODUCT, "o-1", 1))
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(reserved("o-2", K2), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1));
    }

    @Test
    void newProductWithNoKeysYetIsNotReportedLow() {
        fixture.given(WATCHED_PRODUCT)
                .when(new ChangeLowStockThreshold(PRODUCT, 2))
                .expectEvents(new ProductLowStockThresholdChanged(PRODUCT, 2));
    }

    @Test
    void thresholdRaisedToTheCurrentStockSaysStockIsLow() {
        fixture.given(POOL_PRODUCT, added(K1, K2))
                .when(new ChangeLowStockThreshold(PRODUCT, 2))
                .expectEvents(new ProductLowStockThresholdChanged(PRODUCT, 2), new ProductStockLow(PRODUCT, "Steam 10 EUR", 2, 2));
    }

    @Test
    void productWithoutAThresholdIsNeverLow() {
        fixture.given(POOL_PRODUCT, added(K1))
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectEvents(reserved("o-1", K1));
    }

    @Test
    void unchangedThresholdIsNoEvent() {
        fixture.given(WATCHED_PRODUCT)
                .when(new ChangeLowStockThreshold(PRODUCT, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void lowStockStateSurvivesASnapshot() {
        Inventory restored = throughASnapshot(replayed(List.of(WATCHED_PRODUCT, added(K1, K2, K3),
                reserved("o-1", K1, K2), new ProductStockLow(PRODUCT, "Steam 10 EUR", 1, 1))));

        fixture.givenState(() -> restored)
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(reserved("o-2", K3));
    }

    // adding keys

    @Test
    void uploadedKeysAreAddedToAPoolProduct() {
        fixture.given(POOL_PRODUCT)
                .when(new AddCardKeys(PRODUCT, List.of(K1, K2, K3)))
                .expectEvents(added(K1, K2, K3))
                .expectResultMessagePayload(new CardKeysUpload(3, 0));
    }

    @Test
    void keyRepeatedWithinOneUploadIsAddedOnceAndCountedAsDuplicate() {
        SealedCardKey k1SealedAgain = new SealedCardKey(K1.fingerprint(), "v1:another-ciphertext-1");
        fixture.given(POOL_PRODUCT)
                .when(new AddCardKeys(PRODUCT, List.of(K1, K2, k1SealedAgain)))
                .expectEvents(added(K1, K2))
                .expectResultMessagePayload(new CardKeysUpload(2, 1));
    }

    @Test
    void keysFromAnEarlierUploadAreCountedNotAdded() {
        fixture.given(POOL_PRODUCT, added(K1, K2))
                .when(new AddCardKeys(PRODUCT, List.of(K2, K3)))
                .expectEvents(added(K3))
                .expectResultMessagePayload(new CardKeysUpload(1, 1));
    }

    @Test
    void uploadOfOnlyKnownKeysAddsNothing() {
        fixture.given(POOL_PRODUCT, added(K1, K2))
                .when(new AddCardKeys(PRODUCT, List.of(K1, K2)))
                .expectNoEvents()
                .expectResultMessagePayload(new CardKeysUpload(0, 2));
    }

    @Test
    void keyAlreadyIssuedNeverComesBackIntoTheStock() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockIssued(PRODUCT, "o-1", List.of(K1)))
                .when(new AddCardKeys(PRODUCT, List.of(K1, K3)))
                .expectEvents(added(K3))
                .expectResultMessagePayload(new CardKeysUpload(1, 1));
    }

    @Test
    void reservedKeyIsStillADuplicate() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1))
                .when(new AddCardKeys(PRODUCT, List.of(K1)))
                .expectNoEvents()
                .expectResultMessagePayload(new CardKeysUpload(0, 1));
    }

    @Test
    void keysCannotBeUploadedToAnUpstreamProduct() {
        fixture.given(new ProductRegistered(PRODUCT, "Xbox 25 EUR", PRICE, ProductSource.UPSTREAM, "XBOX-25"))
                .when(new AddCardKeys(PRODUCT, List.of(K1)))
                .expectException(InventoryRefused.NotAPoolProduct.class)
                .expectExceptionMessage("Product " + PRODUCT
                        + " buys its keys from a supplier; keys cannot be uploaded to it.")
                .expectNoEvents();
    }

    // reserving

    @Test
    void reservationTakesTheOldestKeysFirst() {
        fixture.given(POOL_PRODUCT, added(K1, K2), added(K3))
                .when(new ReserveStock(PRODUCT, "o-1", 2))
                .expectEvents(reserved("o-1", K1, K2));
    }

    @Test
    void reservationBeyondTheStockIsRejectedWithTheCounts() {
        fixture.given(POOL_PRODUCT, added(K1, K2))
                .when(new ReserveStock(PRODUCT, "o-1", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReservationRejected(PRODUCT, "o-1", 3, 2));
    }

    @Test
    void productWithoutStockRejectsEveryReservation() {
        fixture.given(POOL_PRODUCT)
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectEvents(new StockReservationRejected(PRODUCT, "o-1", 1, 0));
    }

    @Test
    void keysReservedForAnotherOrderAreNotAvailable() {
        fixture.given(POOL_PRODUCT, added(K1, K2, K3), reserved("o-1", K1, K2))
                .when(new ReserveStock(PRODUCT, "o-2", 2))
                .expectEvents(new StockReservationRejected(PRODUCT, "o-2", 2, 1));
    }

    @Test
    void keyIsNeverReservedForTwoOrders() {
        fixture.given(POOL_PRODUCT, added(K1, K2, K3, K4), reserved("o-1", K1, K2))
                .when(new ReserveStock(PRODUCT, "o-2", 2))
                .expectEvents(reserved("o-2", K3, K4));
    }

    @Test
    void repeatedReservationForTheSameOrderChangesNothing() {
        fixture.given(POOL_PRODUCT, added(K1, K2, K3), reserved("o-1", K1))
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservationForAnOrderWhoseKeysWereIssuedChangesNothing() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockIssued(PRODUCT, "o-1", List.of(K1)))
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void orderWhoseKeysWereReleasedCanReserveAgain() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockReleased(PRODUCT, "o-1", 1))
                .when(new ReserveStock(PRODUCT, "o-1", 2))
                .expectEvents(reserved("o-1", K2, K1));
    }

    // releasing

    @Test
    void releaseReturnsTheReservedKeys() {
        fixture.given(POOL_PRODUCT, added(K1, K2, K3), reserved("o-1", K1, K2))
                .when(new ReleaseStock(PRODUCT, "o-1"))
                .expectEvents(new StockReleased(PRODUCT, "o-1", 2));
    }

    @Test
    void releasedKeysCanBeReservedByAnotherOrder() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1, K2), new StockReleased(PRODUCT, "o-1", 2))
                .when(new ReserveStock(PRODUCT, "o-2", 2))
                .expectEvents(reserved("o-2", K1, K2));
    }

    @Test
    void releasingAnOrderWithNothingReservedChangesNothing() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1))
                .when(new ReleaseStock(PRODUCT, "o-unknown"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasingTwiceChangesNothing() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockReleased(PRODUCT, "o-1", 1))
                .when(new ReleaseStock(PRODUCT, "o-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void issuedKeysAreNotReleased() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockIssued(PRODUCT, "o-1", List.of(K1)))
                .when(new ReleaseStock(PRODUCT, "o-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // issuing

    @Test
    void issueHandsOutTheReservedKeys() {
        fixture.given(POOL_PRODUCT, added(K1, K2, K3), reserved("o-1", K2, K3))
                .when(new IssueReservedStock(PRODUCT, "o-1"))
                .expectEvents(new StockIssued(PRODUCT, "o-1", List.of(K2, K3)));
    }

    @Test
    void issuingAgainChangesNothing() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockIssued(PRODUCT, "o-1", List.of(K1)))
                .when(new IssueReservedStock(PRODUCT, "o-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothingIsIssuedWithoutAReservation() {
        fixture.given(POOL_PRODUCT, added(K1, K2))
                .when(new IssueReservedStock(PRODUCT, "o-1"))
                .expectException(InventoryRefused.NothingReserved.class)
                .expectExceptionMessage("No keys of product " + PRODUCT + " are reserved for order o-1.")
                .expectNoEvents();
    }

    @Test
    void releasedReservationCannotBeIssued() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockReleased(PRODUCT, "o-1", 1))
                .when(new IssueReservedStock(PRODUCT, "o-1"))
                .expectException(InventoryRefused.NothingReserved.class);
    }

    @Test
    void issuedKeysAreGoneFromTheStock() {
        fixture.given(POOL_PRODUCT, added(K1, K2), reserved("o-1", K1), new StockIssued(PRODUCT, "o-1", List.of(K1)))
                .when(new ReserveStock(PRODUCT, "o-2", 2))
                .expectEvents(new StockReservationRejected(PRODUCT, "o-2", 2, 1));
    }

    // snapshots

    /** K1 issued to o-1, K2 reserved for o-2, K3 and K4 on the shelf. */
    private static final List<Object> STOCK_HISTORY = List.of(POOL_PRODUCT, added(K1, K2, K3), added(K4),
            reserved("o-1", K1), new StockIssued(PRODUCT, "o-1", List.of(K1)), reserved("o-2", K2));

    /** The aggregate as its event-sourcing handlers build it from {@code history}. */
    private static Inventory replayed(List<Object> history) {
        Inventory inventory = new Inventory();
        for (Object event : history) {
            if (event instanceof ProductRegistered e) {
                inventory.on(e);
            } else if (event instanceof CardKeysAdded e) {
                inventory.on(e);
            } else if (event instanceof StockReserved e) {
                inventory.on(e);
            } else if (event instanceof StockReleased e) {
                inventory.on(e);
            } else if (event instanceof StockIssued e) {
                inventory.on(e);
            } else if (event instanceof ProductStockLow e) {
                inventory.on(e);
            } else if (event instanceof ProductLowStockThresholdChanged e) {
                inventory.on(e);
            } else {
                throw new IllegalArgumentException("not an inventory event: " + event);
            }
        }
        return inventory;
    }

    /** A snapshot is the aggregate written and read by the serializer the event store uses. */
    private static Inventory throughASnapshot(Inventory inventory) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(AxonSerializationConfiguration.storageObjectMapper())
                .lenientDeserialization()
                .build();
        SerializedObject<byte[]> snapshot = serializer.serialize(inventory, byte[].class);
        return serializer.deserialize(snapshot);
    }

    @Test
    void inventoryRestoredFromASnapshotReservesLikeTheInventoryReplayedFromEvents() {
        fixture.given(STOCK_HISTORY)
                .when(new ReserveStock(PRODUCT, "o-3", 2))
                .expectEvents(reserved("o-3", K3, K4));

        Inventory restored = throughASnapshot(replayed(STOCK_HISTORY));
        new AggregateTestFixture<>(Inventory.class)
                .givenState(() -> restored)
                .when(new ReserveStock(PRODUCT, "o-3", 2))
                .expectEvents(reserved("o-3", K3, K4));
    }

    @Test
    void inventoryRestoredFromASnapshotKeepsItsReservations() {
        Inventory restored = throughASnapshot(replayed(STOCK_HISTORY));

        fixture.givenState(() -> restored)
                .when(new IssueReservedStock(PRODUCT, "o-2"))
                .expectEvents(new StockIssued(PRODUCT, "o-2", List.of(K2)));
    }

    @Test
    void inventoryRestoredFromASnapshotRemembersIssuedOrders() {
        Inventory restored = throughASnapshot(replayed(STOCK_HISTORY));

        fixture.givenState(() -> restored)
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void inventoryRestoredFromASnapshotStillKnowsEveryKeyItEverHad() {
        Inventory restored = throughASnapshot(replayed(STOCK_HISTORY));

        fixture.givenState(() -> restored)
                .when(new AddCardKeys(PRODUCT, List.of(K1, K2, K4, key(5))))
                .expectEvents(added(key(5)))
                .expectResultMessagePayload(new CardKeysUpload(1, 3));
    }

    @Test
    void upstreamProductRestoredFromASnapshotStillRefusesKeys() {
        Inventory restored = throughASnapshot(replayed(List.of(
                new ProductRegistered(PRODUCT, "Xbox 25 EUR", PRICE, ProductSource.UPSTREAM, "XBOX-25"))));

        fixture.givenState(() -> restored)
                .when(new AddCardKeys(PRODUCT, List.of(K1)))
                .expectException(InventoryRefused.NotAPoolProduct.class);
    }
}
