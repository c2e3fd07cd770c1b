package dev.cardflow.fulfilment.receipt;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderPlaced;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderChainTest {

    record PriceSet(String orderId, BigDecimal amount, String note) {
    }

    private final OrderChain chain = new OrderChain(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void theGenesisDigestIsTheSha256OfTheOrderId() throws Exception {
        assertThat(OrderChain.genesis("o-1")).isEqualTo(hex(sha256("cardflow-order:o-1".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void eachLinkHashesThePreviousDigestWithTheCanonicalJsonOfWhatTheAuditShows() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:15:30.123456Z");
        var event = new GenericDomainEventMessage<>("Order", "o-1", 0,
                new PriceSet("o-1", new BigDecimal("9.90"), "é \"quoted\""), MetaData.emptyInstance(),
                "e-1", at);

        OrderChain.Entry entry = chain.of("o-1", List.of(event)).get(0);

        // RFC 8785: keys sorted, no blanks, 9.90 written as 9.9, non-ASCII kept as UTF-8
        String canonical = "{\"at\":\"2026-12-01T10:15:30.123456Z\",\"payload\":{\"amount\":9.9,"
                + "\"note\":\"é \\\"quoted\\\"\",\"orderId\":\"o-1\"},\"sequence\":0,\"type\":\"PriceSet\"}";
        byte[] genesis = HexFormat.of().parseHex(OrderChain.genesis("o-1"));
        byte[] json = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[genesis.length + json.length];
        System.arraycopy(genesis, 0, input, 0, genesis.length);
        System.arraycopy(json, 0, input, genesis.length, json.length);
        assertThat(entry).isEqualTo(new OrderChain.Entry(0, "PriceSet", at, hex(sha256(input))));
    }

    @Test
    void changingAnEarlierEventChangesEveryDigestFromThereOn() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var first = new GenericDomainEventMessage<>("Order", "o-1", 0, new PriceSet("o-1", BigDecimal.ONE, "a"),
                MetaData.emptyInstance(), "e-1", at);
        var rewritten = new GenericDomainEventMessage<>("Order", "o-1", 0, new PriceSet("o-1", BigDecimal.TEN, "a"),
                MetaData.emptyInstance(), "e-1", at);
        var second = new GenericDomainEventMessage<>("Order", "o-1", 1, new PriceSet("o-1", BigDecimal.ONE, "b"),
                MetaData.emptyInstance(), "e-2", at.plusSeconds(1));

        List<OrderChain.Entry> original = chain.of("o-1", List.of(first, second));
        List<OrderChain.Entry> changed = chain.of("o-1", List.of(rewritten, second));

        assertThat(changed.get(0).digest()).isNotEqualTo(original.get(0).digest());
        assertThat(changed.get(1).digest()).isNotEqualTo(original.get(1).digest());
        assertThat(chain.of("o-1", List.of(first, second))).isEqualTo(original);
    }

    @Test
    void anOrderPlacedBeforeLanguagesWereKeptIsShownAndHashedWithoutALanguage() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        var old = new OrderPlaced("o-1", "p-1", "Steam", 1, Money.of("9.90", "EUR"), Money.of("9.90", "EUR"),
                ProductSource.POOL, null, "a@b.example", "f", null);

        assertThat(json.readTree(json.writeValueAsString(old)).has("language")).isFalse();
        assertThat(json.readTree(json.writeValueAsString(new OrderPlaced("o-1", "p-1", "Steam", 1,
                Money.of("9.90", "EUR"), Money.of("9.90", "EUR"), ProductSource.POOL, null, "a@b.example", "f", null,
                "zh"))).path("language").asText()).isEqualTo("zh");
    }

    private static byte[] sha256(byte[] input) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(input);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
