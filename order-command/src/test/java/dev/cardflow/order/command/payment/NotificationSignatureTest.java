package dev.cardflow.order.command.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationSignatureTest {

    private final NotificationSignature signature = new NotificationSignature("secret", Duration.ofMinutes(5),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "-99999999999999999", "9223372036854775807",
            "-9223372036854775808", "99999999999999999999999", "1e9", "", " "})
    void aTimestampOutsideTimeIsNotAuthenticNotAnError(String timestamp) {
        assertThat(signature.isAuthentic(timestamp, "sha256=00", "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aTimestampWithinTheWindowIsChecked() {
        long now = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        assertThat(signature.isAuthentic(Long.toString(now), "sha256=zz", new byte[0])).isFalse();
    }
}
