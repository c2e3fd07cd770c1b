package dev.cardflow.fulfilment.receipt;

import dev.cardflow.fulfilment.receipt.Receipts.Receipt;
import dev.cardflow.fulfilment.receipt.Receipts.Verification;
import dev.cardflow.infrastructure.security.OrderAccess;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Receipts for buyers, the keys that check them, and the check itself. */
@RestController
public class ReceiptController {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_ENTRIES = 10_000;

    private final Receipts receipts;
    private final OrderAccess access;

    public ReceiptController(Receipts receipts, OrderAccess access) {
        this.receipts = receipts;
        this.access = access;
    }

    @GetMapping(path = "/api/orders/{orderId}/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Receipt>> receipt(
            @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "download", defaultValue = "false") boolean download,
            ServerHttpRequest http) {
        access.require(orderId, authorization, token, http);
        return Blocking.call(() -> receipts.issue(orderId)).map(receipt -> {
            var response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
            if (download) {
                response.header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"cardflow-receipt-" + orderId.replaceAll("[^A-Za-z0-9_-]", "") + ".json\"");
            }
            return response.body(receipt);
        });
    }

    @GetMapping(path = "/api/receipt-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<ReceiptKeys.PublishedKey>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(receipts.keys());
    }

    @PostMapping(path = "/api/receipts/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Verification> verify(@RequestBody Receipt receipt) {
        requireWellFormed(receipt);
        return Blocking.call(() -> receipts.verify(receipt));
    }

    private static void requireWellFormed(Receipt receipt) {
        String problem = null;
        if (receipt == null || receipt.orderId() == null || receipt.orderId().isBlank()) {
            problem = "orderId is required.";
        } else if (receipt.entries() == null || receipt.entries().isEmpty() || receipt.entries().size() > MAX_ENTRIES) {
            problem = "entries must hold between 1 and " + MAX_ENTRIES + " entries.";
        } else if (receipt.entries().stream().anyMatch(e -> e == null || e.digest() == null
                || !DIGEST.matcher(e.digest()).matches())) {
            problem = "every entry needs a sequence and a digest of 64 lower-case hex digits.";
        } else if (receipt.head() == null || !DIGEST.matcher(receipt.head()).matches()) {
            problem = "head must be 64 lower-case hex digits.";
        } else if (receipt.signedAt() == null || receipt.keyId() == null || receipt.signature() == null) {
            problem = "signedAt, keyId and signature are required.";
        }
        if (problem != null) {
            throw ProblemException.badRequest("invalid-receipt", "Not a cardflow receipt: " + problem);
        }
    }
}
