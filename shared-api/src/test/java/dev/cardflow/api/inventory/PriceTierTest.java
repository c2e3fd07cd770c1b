package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Volume prices: checked against the product's price, and the unit price an order of some quantity pays. */
class PriceTierTest {

    private static final Money PRICE = Money.of("10.00", "EUR");

    private static String refusal(List<PriceTier> tiers) {
        return catchThrowableOfType(InvalidCommand.class, () -> PriceTier.checked(tiers, PRICE)).refusal().code();
    }

    @Test
    void tiersAreSortedByQuantity() {
        assertThat(PriceTier.checked(List.of(new PriceTier(10, Money.of("8.00", "EUR")),
                new PriceTier(5, Money.of("9.00", "EUR"))), PRICE))
                .extracting(PriceTier::minQuantity).containsExactly(5, 10);
    }

    @Test
    void twoTiersForTheSameQuantityAreRefused() {
        assertThat(refusal(List.of(new PriceTier(5, Money.of("9.00", "EUR")), new PriceTier(5, Money.of("8.00", "EUR")))))
                .isEqualTo("invalid-price-tiers");
    }

    @Test
    void tierInAnotherCurrencyIsRefused() {
        assertThat(refusal(List.of(new PriceTier(5, Money.of("9.00", "USD"))))).isEqualTo("invalid-price-tiers");
    }

    @Test
    void tierWithoutAPositivePriceOrQuantityIsRefused() {
        assertThat(refusal(List.of(new PriceTier(5, Money.of("0", "EUR"))))).isEqualTo("invalid-price-tiers");
        assertThat(refusal(List.of(new PriceTier(0, Money.of("9.00", "EUR"))))).isEqualTo("invalid-price-tiers");
        assertThat(refusal(List.of(new PriceTier(101, Money.of("9.00", "EUR"))))).isEqualTo("invalid-price-tiers");
    }

    @Test
    void orderPaysTheTierOfTheLargestQuantityItReaches() {
        List<PriceTier> tiers = List.of(new PriceTier(5, Money.of("9.00", "EUR")), new PriceTier(10, Money.of("8.00", "EUR")));

        assertThat(PriceTier.unitPrice(PRICE, tiers, 4)).isEqualTo(PRICE);
        assertThat(PriceTier.unitPrice(PRICE, tiers, 5)).isEqualTo(Money.of("9.00", "EUR"));
        assertThat(PriceTier.unitPrice(PRICE, tiers, 9)).isEqualTo(Money.of("9.00", "EUR"));
        assertThat(PriceTier.unitPrice(PRICE, tiers, 50)).isEqualTo(Money.of("8.00", "EUR"));
    }

    @Test
    void tiersAreKeptAsQuantityPricePairsAndReadBackWhole() {
        List<PriceTier> tiers = List.of(new PriceTier(5, Money.of("9.5", "EUR")), new PriceTier(10, Money.of("8.00", "EUR")));

        String text = PriceTier.toText(tiers);

        assertThat(text).isEqualTo("5=9.50,10=8.00");
        assertThat(PriceTier.fromText(text, "EUR")).isEqualTo(tiers);
        assertThat(PriceTier.fromText("3=100", "JPY")).containsExactly(new PriceTier(3, Money.of("100", "JPY")));
    }

    @Test
    void noTiersAreKeptAsNothing() {
        assertThat(PriceTier.toText(null)).isNull();
        assertThat(PriceTier.toText(List.of())).isNull();
        assertThat(PriceTier.fromText(null, "EUR")).isEmpty();
        assertThat(PriceTier.fromText(" ", "EUR")).isEmpty();
    }
}
