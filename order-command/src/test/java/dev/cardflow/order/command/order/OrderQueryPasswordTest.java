package dev.cardflow.order.command.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.PlaceOrder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order keeps the query password's hash it was placed with; a retry's new salt changes nothing. */
class OrderQueryPasswordTest {

    private static final Money PRICE = Money.of("5.00", "EUR");
    private static final String HASH = "$2a$08$first.salt.and.hash";

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    private static PlaceOrder place(String hash) {
        return new PlaceOrder("o-1", "p-1", "Card", 1, PRICE, ProductSource.POOL, null, "b@example.com", "fp-1",
                PaymentMethods.SIMULATOR, null, null, null, null, hash);
    }

    private static OrderPlaced placed(String hash) {
        return new OrderPlaced("o-1", "p-1", "Card", 1, PRICE, PRICE, ProductSource.POOL, null, "b@example.com",
                "fp-1", PaymentMethods.SIMULATOR, null, null, null, null, hash);
    }

    @Test
    void theQueryPasswordsHashTravelsInOrderPlaced() {
        fixture.givenNoPriorActivity()
                .when(place(HASH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(placed(HASH));
    }

    @Test
    void aRetryWithTheSamePasswordHashedWithAnotherSaltIsTheSameRequest() {
        fixture.given(placed(HASH))
                .when(place("$2a$08$second.salt.and.hash"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrderWithoutAQueryPasswordHasNoHash() {
        fixture.givenNoPriorActivity()
                .when(place(null))
                .expectEvents(placed(null));
    }
}
