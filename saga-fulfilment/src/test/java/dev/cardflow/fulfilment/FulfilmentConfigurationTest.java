package dev.cardflow.fulfilment;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class FulfilmentConfigurationTest {

    @Test
    void theSimulatedPaymentProviderIsUsedOnlyInDemoMode() {
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment())).isTrue();
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment()
                .withProperty("cardflow.mode", "demo"))).isTrue();
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment()
                .withProperty("cardflow.mode", "production"))).isFalse();
    }

    @Test
    void anUnknownModeNeverFallsBackToTheSimulator() {
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment()
                .withProperty("cardflow.mode", "prod"))).isFalse();
    }
}
