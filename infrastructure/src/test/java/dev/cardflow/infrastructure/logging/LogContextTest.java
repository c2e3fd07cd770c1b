package dev.cardflow.infrastructure.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    @Test
    void theTraceIdOfAW3cTraceparentIsTheRequestsTraceId() {
        assertThat(LogContext.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "req-1"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void withoutATraceparentTheRequestIdIsTheTraceId() {
        assertThat(LogContext.traceIdOf(null, "req-42")).isEqualTo("req-42");
        assertThat(LogContext.traceIdOf("garbage", "req-42")).isEqualTo("req-42");
    }

    @Test
    void aHeaderThatIsNoIdGivesANewTraceIdRatherThanReachingTheLogs() {
        String traceId = LogContext.traceIdOf("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "a\nforged log line");

        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(LogContext.traceIdOf(null, "x".repeat(65))).matches("[0-9a-f]{32}");
    }
}
