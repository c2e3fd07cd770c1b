package dev.cardflow.order.command.payment;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.Problem;
import dev.cardflow.infrastructure.web.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/payments/notify}: the PSP simulator's signed word on a payment. It is checked, recorded
 * on the order in one command (the durable record), and acknowledged with {@code SUCCESS}; the
 * fulfilment saga takes it from there.
 */
@RestController
public class PaymentNotificationController {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotificationController.class);
    static final String ACKNOWLEDGED = "SUCCESS";

    private final NotificationSignature signature;
    private final ObjectMapper json;
    private final UnmatchedNotifications unmatched;
    private final PaymentReports reports;

    PaymentNotificationController(NotificationSignature signature, ObjectMapper json,
                                  UnmatchedNotifications unmatched, PaymentReports reports) {
        this.signature = signature;
        this.json = json;
        this.unmatched = unmatched;
        this.reports = reports;
    }

    @PostMapping(path = "/api/payments/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<ResponseEntity<String>> notify(
            @RequestHeader(name = "X-Cardflow-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Cardflow-Signature", required = false) String signatureHeader,
            @RequestBody(required = false) byte[] body) {
        byte[] payload = body == null ? new byte[0] : body;
        if (!signature.isAuthentic(timestamp, signatureHeader, payload)) {
            reports.refused(PaymentMethods.SIMULATOR);
            log.warn("Refused a payment notification with a bad signature or timestamp");
            return Mono.error(new ProblemException(Problem.of(401, "bad-signature", "Unauthorized",
                    "The notification's signature or timestamp is not valid.")));
        }
        return Blocking.call(() -> {
            record(parse(payload));
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(ACKNOWLEDGED);
        });
    }

    /** The authentic notifications that named no order of ours, newest first. */
    @GetMapping(path = "/admin/api/payments/unmatched-notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<Map<String, Object>>> unmatched() {
        return Blocking.call(() -> unmatched.latest(200));
    }

    private PaymentNotification parse(byte[] payload) {
        try {
            PaymentNotification n = json.readValue(payload, PaymentNotification.class);
            if (n.eventId() == null || n.paymentId() == null || n.merchantOrderId() == null || n.status() == null) {
                throw ProblemException.badRequest("invalid-notification",
                        "eventId, paymentId, merchantOrderId and status are required.");
            }
            return n;
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-notification", "The notification is not valid JSON.");
        }
    }

    private void record(PaymentNotification n) {
        PaymentReport.Outcome outcome = switch (n.status()) {
            case "SUCCEEDED" -> PaymentReport.Outcome.SUCCEEDED;
            case "FAILED" -> PaymentReport.Outcome.FAILED;
            default -> PaymentReport.Outcome.OTHER;
        };
        Money amount = n.amount() == null || n.currency() == null ? null : new Money(n.amount(), n.currency());
        reports.record(new PaymentReport(PaymentMethods.SIMULATOR, n.eventId(), n.merchantOrderId(), n.paymentId(),
                null, outcome, amount));
    }
}
