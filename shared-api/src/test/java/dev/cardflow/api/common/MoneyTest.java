package dev.cardflow.api.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void minorUnitsFollowEachCurrencysDecimals() {
        assertThat(Money.of("9.90", "EUR").minorUnits()).isEqualTo(990);
        assertThat(Money.of("1500", "JPY").minorUnits()).isEqualTo(1500);
        assertThat(Money.of("1.250", "KWD").minorUnits()).isEqualTo(1250);
    }

    @Test
    void amountsInMinorUnitsReadBackInAnyCaseOfCurrency() {
        assertThat(Money.ofMinorUnits(990, "eur")).isEqualTo(Money.of("9.90", "EUR"));
        assertThat(Money.ofMinorUnits(1500, "jpy")).isEqualTo(Money.of("1500", "JPY"));
        assertThat(Money.ofMinorUnits(1250, "KWD")).isEqualTo(Money.of("1.250", "KWD"));
    }
}
