package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.AddCardKeys;
import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.CardKeysUpload;
import dev.cardflow.api.inventory.ChangeLowStockThreshold;
import dev.cardflow.api.inventory.ChangeProductDetails;
import dev.cardflow.api.inventory.DisableProduct;
import dev.cardflow.api.inventory.EnableProduct;
import dev.cardflow.api.inventory.IssueReservedStock;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.PriceTier;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductDisabled;
import dev.cardflow.api.inventory.ProductEnabled;
import dev.cardflow.api.inventory.ProductLowStockThresholdChanged;
import dev.cardflow.api.inventory.ProductRegistered;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A product's shop-window details as the Inventory decides them: edits merge into what is there, a change that
 * changes nothing is no event, tiers stay in the product's currency, and a REUSABLE product's one key goes to
 * every buyer and never leaves the shelf.
 */
class ProductDetailsTest {

    private static final String PRODUCT = "p-1";
    private static final Money PRICE = Money.of("9.90", "EUR");
    private static final List<PriceTier> TIERS = List.of(new PriceTier(5, Money.of("9.00", "EUR")));
    private static final ProductRegistered DESCRIBED = new ProductRegistered(PRODUCT, "Steam 10 EUR", PRICE,
            ProductSource.POOL, null, null, "A Steam wallet code.", "Redeem it at store.steampowered.com.", null, 5,
            TIERS, null);
    private static final ProductRegistered REUSABLE = new ProductRegistered(PRODUCT, "Office licence", PRICE,
            ProductSource.POOL, null, null, null, null, null, null, List.of(), KeyMode.REUSABLE);

    private static final SealedCardKey K1 = key(1);
    private static final SealedCardKey K2 = key(2);

    private AggregateTestFixture<Inventory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inventory.class);
    }

    private static SealedCardKey key(int n) {
        return new SealedCardKey("fingerprint-" + n, "v1:ciphertext-" + n);
    }

    private static ChangeProductDetails change(String name, Money price, List<PriceTier> tiers, String description,
                                               Integer maxPerOrder, String... cleared) {
        return new ChangeProductDetails(PRODUCT, name, price, tiers, description, null, maxPerOrder, Set.of(cleared));
    }

    // registering

    @Test
    void productIsRegisteredWithItsShopWindowDetails() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(PRODUCT, "Steam 10 EUR", PRICE, ProductSource.POOL, null, null,
                        " A Steam wallet code. ", "Redeem it at store.steampowered.com.", null, 5, TIERS, null))
                .expectEvents(DESCRIBED);
    }

    @Test
    void onlyAPoolProductCanHaveAReusableKey() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class, () -> new RegisterProduct(PRODUCT, "Xbox",
                PRICE, ProductSource.UPSTREAM, "XBOX-25", null, null, null, null, null, null, KeyMode.REUSABLE));

        assertThat(refused.refusal().code()).isEqualTo("invalid-key-mode");
    }

    // changing details

    @Test
    void changeKeepsEveryDetailItDoesNotName() {
        fixture.given(DESCRIBED)
                .when(change("Steam 20 EUR", Money.of("19.90", "EUR"), null, null, null))
                .expectEvents(new ProductDetailsChanged(PRODUCT, "Steam 20 EUR", Money.of("19.90", "EUR"), TIERS,
                        "A Steam wallet code.", "Redeem it at store.steampowered.com.", 5));
    }

    @Test
    void clearedDetailsAreRemoved() {
        fixture.given(DESCRIBED)
                .when(change(null, null, null, null, null, "description", "maxPerOrder", "priceTiers"))
                .expectEvents(new ProductDetailsChanged(PRODUCT, "Steam 10 EUR", PRICE, List.of(), null,
                        "Redeem it at store.steampowered.com.", null));
    }

    @Test
    void changeToWhatIsAlreadyThereIsNoEvent() {
        fixture.given(DESCRIBED)
                .when(change("Steam 10 EUR", PRICE, TIERS, "A Steam wallet code.", 5))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void laterChangesBuildOnEarlierOnes() {
        fixture.given(DESCRIBED, new ProductDetailsChanged(PRODUCT, "Steam 20 EUR", Money.of("19.90", "EUR"), TIERS,
                        "A Steam wallet code.", null, 5))
                .when(change(null, null, null, null, 20))
                .expectEvents(new ProductDetailsChanged(PRODUCT, "Steam 20 EUR", Money.of("19.90", "EUR"), TIERS,
                        "A Steam wallet code.", null, 20));
    }

    @Test
    void newCurrencyWhileTiersStayInTheOldOneIsRefused() {
        fixture.given(DESCRIBED)
                .when(change(null, Money.of("70.00", "CNY"), null, null, null))
                .expectException(InvalidCommand.class)
                .expectNoEvents();
    }

    @Test
    void newCurrencyWithTiersInItIsAccepted() {
        List<PriceTier> yuan = List.of(new PriceTier(5, Money.of("65.00", "CNY")));
        fixture.given(DESCRIBED)
                .when(change(null, Money.of("70.00", "CNY"), yuan, null, null))
                .expectEvents(new ProductDetailsChanged(PRODUCT, "Steam 10 EUR", Money.of("70.00", "CNY"), yuan,
                        "A Steam wallet code.", "Redeem it at store.steampowered.com.", 5));
    }

    @Test
    void maxPerOrderAboveAHundredIsRefused() {
        InvalidCommand refused = catchThrowableOfType(InvalidCommand.class, () -> change(null, null, null, null, 101));

        assertThat(refused.refusal().code()).isEqualTo("invalid-max-per-order");
    }

    // on sale or not

    @Test
    void disablingTakesTheProductOffSaleOnce() {
        fixture.given(DESCRIBED)
                .when(new DisableProduct(PRODUCT))
                .expectEvents(new ProductDisabled(PRODUCT));
        fixture.given(DESCRIBED, new ProductDisabled(PRODUCT))
                .when(new DisableProduct(PRODUCT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void enablingPutsADisabledProductBackOnSale() {
        fixture.given(DESCRIBED, new ProductDisabled(PRODUCT))
                .when(new EnableProduct(PRODUCT))
                .expectEvents(new ProductEnabled(PRODUCT));
    }

    @Test
    void productRegisteredDisabledIsEnabledByEnabling() {
        fixture.given(new ProductRegistered(PRODUCT, "Soon", PRICE, ProductSource.POOL, null, null, null, null, false,
                        null, null, null))
                .when(new EnableProduct(PRODUCT))
                .expectEvents(new ProductEnabled(PRODUCT));
    }

    @Test
    void enablingAProductOnSaleIsNoEvent() {
        fixture.given(DESCRIBED)
                .when(new EnableProduct(PRODUCT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // reusable keys

    @Test
    void reusableKeyGoesToEveryOrderAndStaysOnTheShelf() {
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)),
                        new StockReserved(PRODUCT, "o-1", List.of(K1)),
                        new StockIssued(PRODUCT, "o-1", List.of(K1)))
                .when(new ReserveStock(PRODUCT, "o-2", 2))
                .expectEvents(new StockReserved(PRODUCT, "o-2", List.of(K1, K1)));
    }

    @Test
    void reusableKeyIsIssuedToItsOrder() {
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)),
                        new StockReserved(PRODUCT, "o-1", List.of(K1)),
                        new StockReserved(PRODUCT, "o-2", List.of(K1)))
                .when(new IssueReservedStock(PRODUCT, "o-2"))
                .expectEvents(new StockIssued(PRODUCT, "o-2", List.of(K1)));
    }

    @Test
    void releasedReservationOfAReusableKeyLeavesItForOthers() {
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)),
                        new StockReserved(PRODUCT, "o-1", List.of(K1)),
                        new StockReleased(PRODUCT, "o-1", 1))
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(new StockReserved(PRODUCT, "o-2", List.of(K1)));
    }

    @Test
    void reusableProductWithoutItsKeyRejectsReservations() {
        fixture.given(REUSABLE)
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectEvents(new StockReservationRejected(PRODUCT, "o-1", 1, 0));
    }

    @Test
    void newReusableKeyTakesThePlaceOfTheOldOne() {
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)), new StockReserved(PRODUCT, "o-1", List.of(K1)))
                .when(new AddCardKeys(PRODUCT, List.of(K2)))
                .expectEvents(new CardKeysAdded(PRODUCT, List.of(K2)))
                .expectResultMessagePayload(new CardKeysUpload(1, 0));
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)), new CardKeysAdded(PRODUCT, List.of(K2)))
                .when(new ReserveStock(PRODUCT, "o-2", 1))
                .expectEvents(new StockReserved(PRODUCT, "o-2", List.of(K2)));
    }

    @Test
    void theSameReusableKeyAgainIsADuplicate() {
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)))
                .when(new AddCardKeys(PRODUCT, List.of(K1)))
                .expectNoEvents()
                .expectResultMessagePayload(new CardKeysUpload(0, 1));
    }

    @Test
    void reusableProductTakesOneKeyPerUpload() {
        fixture.given(REUSABLE)
                .when(new AddCardKeys(PRODUCT, List.of(K1, K2)))
                .expectException(InventoryRefused.OneReusableKey.class)
                .expectNoEvents();
    }

    @Test
    void reusableProductIsNeverLowOnStock() {
        fixture.given(REUSABLE, new ProductLowStockThresholdChanged(PRODUCT, 5), new CardKeysAdded(PRODUCT, List.of(K1)))
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectEvents(new StockReserved(PRODUCT, "o-1", List.of(K1)));
        fixture.given(REUSABLE, new CardKeysAdded(PRODUCT, List.of(K1)))
                .when(new ChangeLowStockThreshold(PRODUCT, 5))
                .expectEvents(new ProductLowStockThresholdChanged(PRODUCT, 5));
    }

    // snapshots

    @Test
    void detailsAndKeyModeSurviveASnapshot() {
        Inventory inventory = new Inventory();
        inventory.on(REUSABLE);
        inventory.on(new CardKeysAdded(PRODUCT, List.of(K1)));
        inventory.on(new ProductDetailsChanged(PRODUCT, "Office 2024", PRICE, TIERS, "Licence", "Activate offline", 3));
        inventory.on(new ProductDisabled(PRODUCT));
        Inventory restored = throughASnapshot(inventory);

        fixture.givenState(() -> restored)
                .when(change(null, null, null, null, 4))
                .expectEvents(new ProductDetailsChanged(PRODUCT, "Office 2024", PRICE, TIERS, "Licence",
                        "Activate offline", 4));
        new AggregateTestFixture<>(Inventory.class).givenState(() -> throughASnapshot(inventory))
                .when(new ReserveStock(PRODUCT, "o-1", 1))
                .expectEvents(new StockReserved(PRODUCT, "o-1", List.of(K1)));
        new AggregateTestFixture<>(Inventory.class).givenState(() -> throughASnapshot(inventory))
                .when(new EnableProduct(PRODUCT))
                .expectEvents(new ProductEnabled(PRODUCT));
    }

    private static Inventory throughASnapshot(Inventory inventory) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(AxonSerializationConfiguration.storageObjectMapper())
                .lenientDeserialization()
                .build();
        SerializedObject<byte[]> snapshot = serializer.serialize(inventory, byte[].class);
        return serializer.deserialize(snapshot);
    }
}
