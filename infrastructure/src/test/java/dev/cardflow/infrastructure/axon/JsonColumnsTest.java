package dev.cardflow.infrastructure.axon;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A jsonb column holds what the stored messages would hold, and reads back whole. */
class JsonColumnsTest {

    record Entry(String code, Instant at, BigDecimal amount) {
    }

    @Test
    void aValueIsWrittenAsTheStoredMessagesWriteItAndReadsBack() {
        List<Entry> entries = List.of(new Entry("paid", Instant.parse("2026-01-02T03:04:05Z"), new BigDecimal("1.50")));

        String text = JsonColumns.write(entries);

        assertThat(text).isEqualTo("[{\"code\":\"paid\",\"at\":\"2026-01-02T03:04:05Z\",\"amount\":1.50}]");
        assertThat(JsonColumns.read(text, new TypeReference<List<Entry>>() {
        })).isEqualTo(entries);
        assertThat(JsonColumns.write(new BigDecimal("1E+1"))).as("amounts plain, as in the events").isEqualTo("10");
    }

    @Test
    void anSqlNullReadsAsNullAndNullIsWrittenAsJsonNull() {
        assertThat(JsonColumns.read(null, new TypeReference<Map<String, String>>() {
        })).isNull();
        assertThat(JsonColumns.write(null)).isEqualTo("null");
    }
}
