package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.order.CancelOrder;
import dev.cardflow.api.order.ConfirmPaymentManually;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CatalogueCommandsTest {

    private static Refusal refusalOf(Runnable sending) {
        return catchThrowableOfType(InvalidCommand.class, sending::run).refusal();
    }

    @Test
    void aFreeProductIsRefusedAsAnInvalidPrice() {
        assertThat(refusalOf(() -> new RegisterProduct("p", "Card", Money.of("0.00", "EUR"), ProductSource.POOL, null)))
                .extracting(Refusal::code, Refusal::field).containsExactly("invalid-price", "price");
    }

    @Test
    void anUpstreamProductNeedsTheSuppliersSku() {
        assertThat(refusalOf(() -> new RegisterProduct("p", "Card", Money.of("1.00", "EUR"), ProductSource.UPSTREAM, " ")))
                .extracting(Refusal::code, Refusal::field).containsExactly("invalid-request", "sku");
    }

    @Test
    void aNegativeLowStockThresholdIsRefused() {
        assertThat(refusalOf(() -> new RegisterProduct("p", "Card", Money.of("1.00", "EUR"), ProductSource.POOL, null,
                -1))).extracting(Refusal::code, Refusal::field)
                .containsExactly("invalid-low-stock-threshold", "lowStockThreshold");
        assertThat(refusalOf(() -> new ChangeLowStockThreshold("p", -1)).field()).isEqualTo("lowStockThreshold");
    }

    @Test
    void aLowStockThresholdOfZeroMeansSoldOutAndNoneMeansNever() {
        assertThat(new RegisterProduct("p", "Card", Money.of("1.00", "EUR"), ProductSource.POOL, null, 0)
                .lowStockThreshold()).isZero();
        assertThat(new ChangeLowStockThreshold("p", null).lowStockThreshold()).isNull();
    }

    @Test
    void aProductNameOverTwoHundredCharactersIsRefused() {
        assertThat(refusalOf(() -> new RegisterProduct("p", "n".repeat(201), Money.of("1.00", "EUR"),
                ProductSource.POOL, null)).field()).isEqualTo("name");
    }

    @Test
    void anUploadNeedsOneToTwentyThousandKeysOfAtMost512Characters() {
        assertThat(refusalOf(() -> AddCardKeys.checkedPlainKeys(List.of())).code()).isEqualTo("no-card-keys");
        assertThat(refusalOf(() -> AddCardKeys.checkedPlainKeys(Collections.nCopies(20_001, "K"))).code())
                .isEqualTo("too-many-card-keys");
        assertThat(refusalOf(() -> AddCardKeys.checkedPlainKeys(List.of("ok", "k".repeat(513)))).code())
                .isEqualTo("invalid-card-key");
        assertThat(AddCardKeys.checkedPlainKeys(List.of("k".repeat(512)))).hasSize(1);
        assertThat(refusalOf(() -> new AddCardKeys("p", List.<SealedCardKey>of())).code()).isEqualTo("no-card-keys");
    }

    @Test
    void anOperatorsNoteIsRequiredAndAtMost500Characters() {
        assertThat(refusalOf(() -> new ConfirmPaymentManually("o", "T-1", "n".repeat(501))).field()).isEqualTo("note");
        assertThat(refusalOf(() -> new ConfirmPaymentManually("o", "T-1", "")).field()).isEqualTo("note");
        assertThat(refusalOf(() -> new CancelOrder("o", null)).field()).isEqualTo("reason");
    }
}
