package dev.cardflow.infrastructure.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TracingPropertiesTest {

    @Test
    void spansGoToTheTracesPathOfTheOtlpBaseUrl() {
        assertThat(new TracingProperties("http://collector:4318", "").tracesUrl()).isEqualTo("http://collector:4318/v1/traces");
        assertThat(new TracingProperties("http://collector:4318/", "").tracesUrl()).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void theTracesEndpointIsTakenAsItIs() {
        assertThat(new TracingProperties("http://collector:4318", "http://other:4318/spans").tracesUrl())
                .isEqualTo("http://other:4318/spans");
    }

    @Test
    void withoutAnEndpointNothingIsExported() {
        assertThat(new TracingProperties("", " ").tracesUrl()).isNull();
    }
}
