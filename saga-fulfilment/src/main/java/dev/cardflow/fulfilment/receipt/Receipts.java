package dev.cardflow.fulfilment.receipt;

import dev.cardflow.infrastructure.web.ProblemException;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signed receipts of an order's history, their verification against the stored events, and the
 * integrity verdict of the audit. The chain is recomputed from the stored events every time and
 * compared with the digests recorded when the events were appended.
 */
public class Receipts {

    /** What the buyer keeps: the order's chain and a signature over its head. */
    public record Receipt(String orderId, List<OrderChain.Entry> entries, String head, String signedAt,
                          String keyId, String signature) {
    }

    /** The verdict on a receipt someone presents. */
    public record Verification(boolean signatureValid, boolean matchesHistory, Long firstDifference) {
    }

    /** Whether the stored history still chains to the digests recorded when it was written. */
    public record Integrity(boolean verified, Long brokenAt) {
        static final Integrity VERIFIED = new Integrity(true, null);
    }

    private final EventStore events;
    private final OrderChain chain;
    private final ChainDigests digests;
    private final ReceiptKeys keys;
    private final Clock clock;

    public Receipts(EventStore events, OrderChain chain, ChainDigests digests, ReceiptKeys keys, Clock clock) {
        this.events = events;
        this.chain = chain;
        this.digests = digests;
        this.keys = keys;
        this.clock = clock;
    }

    /** A signed receipt of the order's history as stored now; refused when that history no longer verifies. */
    public Receipt issue(String orderId) {
        List<DomainEventMessage<?>> own = ownEvents(orderId);
        if (own.isEmpty()) {
            throw ProblemException.notFound("order-not-found", "There is no order " + orderId + ".");
        }
        List<OrderChain.Entry> entries = chain.of(orderId, own);
        Integrity integrity = checked(orderId, entries);
        if (!integrity.verified()) {
            throw ProblemException.conflict("history-not-verified", "The stored history of order " + orderId
                    + " no longer matches what was recorded at event " + integrity.brokenAt()
                    + "; no receipt is signed for it. Operators have been shown the break in the audit.");
        }
        String head = entries.get(entries.size() - 1).digest();
        String signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        return new Receipt(orderId, entries, head, signedAt, keys.signingKeyId(),
                keys.sign(signedText(orderId, head, signedAt)));
    }

    /** Checks a receipt's signature, and whether the stored history still begins with its entries. */
    public Verification verify(Receipt receipt) {
        boolean signed = receipt.head().equals(receipt.entries().get(receipt.entries().size() - 1).digest())
                && keys.verify(receipt.keyId(), signedText(receipt.orderId(), receipt.head(), receipt.signedAt()),
                receipt.signature());
        List<OrderChain.Entry> stored = chain.of(receipt.orderId(), ownEvents(receipt.orderId()));
        Long firstDifference = null;
        for (int i = 0; i < receipt.entries().size(); i++) {
            OrderChain.Entry kept = receipt.entries().get(i);
            if (i >= stored.size() || stored.get(i).sequence() != kept.sequence()
                    || !stored.get(i).digest().equals(kept.digest())) {
                firstDifference = kept.sequence();
                break;
            }
        }
        return new Verification(signed, firstDifference == null, firstDifference);
    }

    /** The integrity of one order's own events (oldest first), as the audit reports it. */
    public Integrity integrity(String orderId, List<? extends DomainEventMessage<?>> own) {
        return checked(orderId, chain.of(orderId, own));
    }

    /** The keys that check receipts. */
    public List<ReceiptKeys.PublishedKey> keys() {
        return keys.published();
    }

    private Integrity checked(String orderId, List<OrderChain.Entry> computed) {
        Map<Long, String> recorded = digests.recorded(orderId);
        for (OrderChain.Entry entry : computed) {
            String then = recorded.get(entry.sequence());
            // a link not recorded yet (the recorder is a moment behind) is no break
            if (then != null && !then.equals(entry.digest())) {
                return new Integrity(false, entry.sequence());
            }
        }
        return Integrity.VERIFIED;
    }

    private List<DomainEventMessage<?>> ownEvents(String orderId) {
        List<DomainEventMessage<?>> own = new ArrayList<>();
        events.readEvents(orderId, 0).forEachRemaining(own::add);
        return own;
    }

    /** What the signature covers: {@code orderId + "\n" + head + "\n" + signedAt}. */
    static String signedText(String orderId, String head, String signedAt) {
        return orderId + "\n" + head + "\n" + signedAt;
    }
}
