package dev.cardflow.order.query.product;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.ProductLowStockThresholdChanged;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.infrastructure.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The stock counts the storefront and the console show, projected from the inventory's events into PostgreSQL. */
class ProductStockProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

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
    void keysMoveFromAvailableToReservedToIssuedAndBackToAvailableWhenReleased() {
        register("p-1");
        projection.on(new CardKeysAdded("p-1", keys(5)));
        projection.on(new StockReserved("p-1", "o-1", keys(2)));
        projection.on(new StockReleased("p-1", "o-1", 1));
        projection.on(new StockIssued("p-1", "o-1", keys(1)));

        assertThat(store.all()).singleElement().satisfies(row -> {
            assertThat(row.available()).isEqualTo(4);
            assertThat(row.reserved()).isZero();
            assertThat(row.issued()).isEqualTo(1);
        });
    }

    @Test
    void theCatalogueListsProductsInTheOrderTheyWereRegisteredAndARepeatChangesNothing() {
        projection.on(new ProductRegistered("p-2", "Second", Money.of("5.00", "EUR"), ProductSource.UPSTREAM,
                "SKU-2"), T0.plusSeconds(1));
        register("p-1");
        projection.on(new ProductRegistered("p-1", "Renamed", Money.of("1.00", "EUR"), ProductSource.POOL, null),
                T0.plusSeconds(5));

        assertThat(store.all()).extracting(ProductStockStore.Row::productId, ProductStockStore.Row::name)
                .containsExactly(tuple("p-1", "Gift card 10 EUR"),
                        tuple("p-2", "Second"));
        assertThat(store.all().get(1).sku()).isEqualTo("SKU-2");
    }

    @Test
    void theLowStockThresholdIsListedAsRegisteredThenAsChanged() {
        projection.on(new ProductRegistered("p-1", "Gift card 10 EUR", Money.of("10.00", "EUR"), ProductSource.POOL,
                null, 3), T0);
        register("p-2");
        assertThat(store.all()).extracting(ProductStockStore.Row::lowStockThreshold).containsExactly(3, null);

        projection.on(new ProductLowStockThresholdChanged("p-1", null));
        projection.on(new ProductLowStockThresholdChanged("p-2", 0));

        assertThat(store.all()).extracting(ProductStockStore.Row::lowStockThreshold).containsExactly(null, 0);
    }

    @Test
    void aRebuildStartsFromAnEmptyCatalogue() {
        register("p-1");
        projection.reset();

        assertThat(store.all()).isEmpty();
    }

    private static void register(String productId) {
        projection.on(new ProductRegistered(productId, "Gift card 10 EUR", Money.of("10.00", "EUR"),
                ProductSource.POOL, null), T0);
    }

    private static List<SealedCardKey> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> new SealedCardKey("fp-" + i, "v1:cipher-" + i)).toList();
    }
}
