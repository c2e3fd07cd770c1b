package dev.cardflow.order.query.product;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.PriceTier;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductDisabled;
import dev.cardflow.api.inventory.ProductEnabled;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.infrastructure.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop-window details the storefront and the console show, projected from the inventory's events. */
class ProductDetailsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Money PRICE = Money.of("10.00", "EUR");
    private static final SealedCardKey KEY = new SealedCardKey("fingerprint-1", "v1:ciphertext-1");

    private static TestDatabase.Migrated database;
    private static ProductStockStore store;
    private static ProductStockProjection projection;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("classpath:db/migration/query");
        store = new ProductStockStore(database.jdbc());
        projection = new ProductStockProjection(store);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyCatalogue() {
        projection.reset();
    }

    @Test
    void editedDetailsReplaceTheRegisteredOnes() {
        projection.on(new ProductRegistered("p-1", "Steam", PRICE, ProductSource.POOL, null, null, "Old", "Redeem",
                null, 5, List.of(new PriceTier(3, Money.of("9.00", "EUR"))), null), T0);
        projection.on(new ProductDetailsChanged("p-1", "Steam 20", Money.of("19.00", "EUR"),
                List.of(new PriceTier(5, Money.of("18.00", "EUR")), new PriceTier(10, Money.of("17.50", "EUR"))),
                null, "Redeem at the store", null));

        assertThat(store.all()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Steam 20");
            assertThat(row.price()).isEqualTo("19.00");
            assertThat(row.description()).isNull();
            assertThat(row.maxPerOrder()).isNull();
            assertThat(row.priceTiers()).containsExactly(new ProductStockStore.Tier(5, "18.00"),
                    new ProductStockStore.Tier(10, "17.50"));
            assertThat(row.keyMode()).isEqualTo(KeyMode.UNIQUE);
        });
        assertThat(store.instructions("p-1")).contains("Redeem at the store");
    }

    @Test
    void disabledProductIsOffTheBuyersListButNotTheOperators() {
        projection.on(new ProductRegistered("p-1", "Steam", PRICE, ProductSource.POOL, null), T0);
        projection.on(new ProductRegistered("p-2", "Xbox", PRICE, ProductSource.POOL, null), T0.plusSeconds(1));
        projection.on(new ProductDisabled("p-1"));

        assertThat(store.enabled()).extracting(ProductStockStore.Row::productId).containsExactly("p-2");
        assertThat(store.all()).extracting(ProductStockStore.Row::enabled).containsExactly(false, true);

        projection.on(new ProductEnabled("p-1"));
        assertThat(store.enabled()).extracting(ProductStockStore.Row::productId).containsExactly("p-1", "p-2");
    }

    @Test
    void reusableKeyIsNeverCountedAsAvailableStockAndStaysAfterSales() {
        projection.on(new ProductRegistered("p-1", "Licence", PRICE, ProductSource.POOL, null, null, null, null, null,
                null, null, KeyMode.REUSABLE), T0);
        projection.on(new CardKeysAdded("p-1", List.of(KEY)));
        projection.on(new StockReserved("p-1", "o-1", List.of(KEY, KEY)));
        projection.on(new StockIssued("p-1", "o-1", List.of(KEY, KEY)));
        projection.on(new CardKeysAdded("p-1", List.of(new SealedCardKey("fingerprint-2", "v1:ciphertext-2"))));

        assertThat(store.all()).singleElement().satisfies(row -> {
            assertThat(row.available()).isNull();
            assertThat(row.issued()).isEqualTo(2);
            assertThat(row.reserved()).isZero();
        });
        assertThat(database.jdbc().queryForObject("select available from product_stock", Integer.class)).isEqualTo(1);
    }

    @Test
    void productWithoutInstructionsHasNone() {
        projection.on(new ProductRegistered("p-1", "Steam", PRICE, ProductSource.POOL, null), T0);

        assertThat(store.instructions("p-1")).isEmpty();
        assertThat(store.instructions("no-such-product")).isEmpty();
    }
}
