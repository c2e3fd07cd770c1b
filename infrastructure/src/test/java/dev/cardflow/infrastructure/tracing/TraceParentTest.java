package dev.cardflow.infrastructure.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    @Test
    void theTraceIdIsTheSecondFieldOfAWellFormedTraceparent() {
        assertThat(TraceParent.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aMissingMalformedOrAllZeroTraceparentHasNoTraceId() {
        assertThat(TraceParent.traceIdOf(null)).isNull();
        assertThat(TraceParent.traceIdOf("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
        assertThat(TraceParent.traceIdOf("00-4bf92f3577b34da6-00f067aa0ba902b7-01")).isNull();
        assertThat(TraceParent.traceIdOf("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isNull();
    }
}
