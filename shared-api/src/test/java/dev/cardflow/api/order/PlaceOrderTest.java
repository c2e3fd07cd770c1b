package dev.cardflow.api.order;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.Refusal;
import dev.cardflow.api.inventory.ProductSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlaceOrderTest {

    private static PlaceOrder order(String productId, int quantity, String email) {
        return new PlaceOrder("o-1", productId, "Gift card", quantity, Money.of("5.00", "EUR"), ProductSource.POOL,
                null, email, "fingerprint");
    }

    private static Refusal refusalOf(Runnable placing) {
        return catchThrowableOfType(InvalidCommand.class, placing::run).refusal();
    }

    @Test
    void aQuantityOutsideOneToAHundredIsRefusedAsAnInvalidQuantity() {
        assertThat(refusalOf(() -> order("p", 0, "a@b.example")))
                .isEqualTo(new Refusal(Refusal.Kind.INVALID, "invalid-quantity", "quantity must be between 1 and 100.",
                        "quantity"));
        assertThat(refusalOf(() -> order("p", 101, "a@b.example")).code()).isEqualTo("invalid-quantity");
    }

    @Test
    void anAddressMailCannotReachIsRefusedAsAnInvalidEmail() {
        for (String email : new String[]{"no-at-sign", "a@b", "a b@c.example", "a\u0001b@c.example",
                "a".repeat(250) + "@b.example"}) {
            assertThat(refusalOf(() -> order("p", 1, email)))
                    .as(email).extracting(Refusal::code, Refusal::field).containsExactly("invalid-email", "email");
        }
    }

    @Test
    void aMissingEmailIsAnInvalidRequestNamingTheField() {
        assertThat(refusalOf(() -> order("p", 1, " ")))
                .extracting(Refusal::code, Refusal::field).containsExactly("invalid-request", "email");
    }

    @Test
    void aProductIdWithControlCharactersOrOverAHundredCharactersIsRefused() {
        assertThat(refusalOf(() -> order("p\u0000", 1, "a@b.example")).field()).isEqualTo("productId");
        assertThat(refusalOf(() -> order("p".repeat(101), 1, "a@b.example")).field()).isEqualTo("productId");
    }

    @Test
    void theEmailAndProductIdAreKeptWithoutSurroundingSpaces() {
        PlaceOrder placed = order(" p-1 ", 2, "  Buyer@Example.com ");

        assertThat(placed.productId()).isEqualTo("p-1");
        assertThat(placed.email()).isEqualTo("Buyer@Example.com");
        assertThat(placed.amount()).isEqualTo(Money.of("10.00", "EUR"));
    }
}
