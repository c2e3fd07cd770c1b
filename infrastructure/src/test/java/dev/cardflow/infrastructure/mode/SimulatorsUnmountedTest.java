package dev.cardflow.infrastructure.mode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** In production every spelling of a simulator path is recognised, and nothing else is. */
class SimulatorsUnmountedTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/simulator", "/simulator/", "/simulator/psp/v1/payments", "/simulator/psp/pay.css",
            "/%73imulator/psp/v1/simulation", "//simulator/psp/v1/simulation", "/%2573imulator/psp",
            "/Simulator/psp", "/./simulator/psp", "/api/../simulator/psp", "/simulator;x=1/psp",
            "/%2Fsimulator/psp", "/\\simulator/psp", "/simulator%2Fpsp%2Fpay.css"})
    void everySpellingOfASimulatorPathIsOne(String path) {
        assertThat(SimulatorsUnmounted.isSimulatorPath(path)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/api/shop", "/api/simulator", "/simulators", "/simulatorx/psp", "/orders/simulator",
            "/shop.css", "/admin/"})
    void otherPathsAreLeftAlone(String path) {
        assertThat(SimulatorsUnmounted.isSimulatorPath(path)).isFalse();
    }

    @Test
    void aMalformedEscapeIsNoWayAround() {
        assertThat(SimulatorsUnmounted.isSimulatorPath("/simulator/%zz")).isTrue();
        assertThat(SimulatorsUnmounted.isSimulatorPath("/%zz/shop")).isFalse();
    }
}
