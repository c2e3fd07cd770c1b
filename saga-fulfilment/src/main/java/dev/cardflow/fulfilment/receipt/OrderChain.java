package dev.cardflow.fulfilment.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash chain over an order's own events: {@code d_0 = SHA-256("cardflow-order:" + orderId)},
 * {@code d_n = SHA-256(d_(n-1) ‖ JCS({sequence, type, at, payload}))}, where the four fields are
 * exactly what the audit shows of the event (RFC 8785 canonical JSON of the same Jackson form).
 */
public class OrderChain {

    /** One link: an event of the order and the digest of the history up to and including it. */
    public record Entry(long sequence, String type, Instant at, String digest) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final ObjectMapper json;

    public OrderChain(ObjectMapper json) {
        this.json = json;
    }

    /** The digest before the order's first event. */
    public static String genesis(String orderId) {
        return HEX.formatHex(sha256(("cardflow-order:" + orderId).getBytes(StandardCharsets.UTF_8)));
    }

    /** The chain over {@code events}, the order's own events from its first one on, in sequence order. */
    public List<Entry> of(String orderId, List<? extends DomainEventMessage<?>> events) {
        List<Entry> entries = new ArrayList<>(events.size());
        String previous = genesis(orderId);
        for (DomainEventMessage<?> event : events) {
            Entry entry = link(previous, event);
            entries.add(entry);
            previous = entry.digest();
        }
        return entries;
    }

    /** The entry of {@code event}, chained onto the digest of what came before it. */
    public Entry link(String previous, DomainEventMessage<?> event) {
        byte[] canonical = canonical(event);
        byte[] before = HEX.parseHex(previous);
        byte[] input = new byte[before.length + canonical.length];
        System.arraycopy(before, 0, input, 0, before.length);
        System.arraycopy(canonical, 0, input, before.length, canonical.length);
        return new Entry(event.getSequenceNumber(), type(event), event.getTimestamp(), HEX.formatHex(sha256(input)));
    }

    /** The type name the audit shows for an event. */
    public static String type(DomainEventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }

    private byte[] canonical(DomainEventMessage<?> event) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("sequence", event.getSequenceNumber());
        shown.put("type", type(event));
        shown.put("at", event.getTimestamp());
        shown.put("payload", event.getPayload());
        try {
            return new JsonCanonicalizer(json.writeValueAsString(shown)).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.getIdentifier() + " cannot be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
