package dev.cardflow.order.command.order;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Require;
import dev.cardflow.api.order.CancelOrder;
import dev.cardflow.api.order.ConfirmPaymentManually;
import dev.cardflow.api.order.ConfirmRefundManually;
import dev.cardflow.api.order.DeliverManually;
import dev.cardflow.api.order.RefundOrder;
import dev.cardflow.api.order.ResendDeliveryNotification;
import dev.cardflow.api.order.RetryFulfilment;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.logging.LogContext;
import dev.cardflow.infrastructure.security.CardKeyCipher;
import dev.cardflow.infrastructure.web.Blocking;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * The operators' compensations (API.md, "Admin API"): each a command on the order, with the
 * operator and the reason in its metadata; {@code 409} when the order's status does not allow it,
 * and a repeat of one that took effect changes nothing.
 */
@RestController
@RequestMapping(path = "/admin/api/orders/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrderAdminController {

    private static final Logger log = LoggerFactory.getLogger(OrderAdminController.class);

    /** Why the operator acts. */
    public record Reason(String reason) {
    }

    /** An operator's note on what was done by hand. */
    public record Note(String note) {
    }

    /** A payment the PSP never reported: its trade number at the PSP and the operator's note. */
    public record ManualPayment(String pspTradeNo, String note) {
    }

    /** What an operator delivers for a MANUAL order: one line each (a code, an account, a note), shown to the buyer. */
    public record ManualDelivery(List<String> content) {
    }

    private final CommandGateway commands;
    private final CardKeyCipher cipher;

    public OrderAdminController(CommandGateway commands, CardKeyCipher cipher) {
        this.commands = commands;
        this.cipher = cipher;
    }

    /** The operator delivers a paid MANUAL order by hand; the lines are sealed like card keys. */
    @PostMapping(path = "/deliver", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> deliver(@PathVariable String orderId,
                                                             @RequestBody ManualDelivery body, Principal operator) {
        List<String> lines = body == null || body.content() == null ? List.of()
                : body.content().stream().filter(line -> line != null && !line.isBlank()).map(String::strip).toList();
        if (lines.isEmpty()) {
            throw InvalidCommand.of("content", "content must hold at least one line to deliver.");
        }
        if (lines.stream().anyMatch(line -> line.length() > DeliverManually.MAX_LINE)) {
            throw InvalidCommand.of("content", "A line of content is at most " + DeliverManually.MAX_LINE
                    + " characters.");
        }
        var command = new DeliverManually(orderId, lines.stream().map(cipher::seal).toList());
        return act(orderId, "deliver", operator, "delivered by hand (" + lines.size() + " lines)", command);
    }

    @PostMapping("/retry-fulfilment")
    public Mono<ResponseEntity<Map<String, String>>> retry(@PathVariable String orderId,
                                                           @RequestBody(required = false) Reason body,
                                                           Principal operator) {
        String reason = body == null || body.reason() == null ? "retry requested"
                : Require.operatorText(body.reason(), "reason");
        return act(orderId, "retry-fulfilment", operator, reason, new RetryFulfilment(orderId));
    }

    @PostMapping(path = "/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> refund(@PathVariable String orderId, @RequestBody Reason body,
                                                            Principal operator) {
        String reason = Require.operatorText(body.reason(), "reason");
        return act(orderId, "refund", operator, reason, new RefundOrder(orderId, "refunded by an operator: " + reason));
    }

    @PostMapping(path = "/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> cancel(@PathVariable String orderId, @RequestBody Reason body,
                                                            Principal operator) {
        String reason = Require.operatorText(body.reason(), "reason");
        return act(orderId, "cancel", operator, reason, new CancelOrder(orderId, "cancelled by an operator: " + reason));
    }

    @PostMapping(path = "/confirm-payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> confirmPayment(@PathVariable String orderId,
                                                                    @RequestBody ManualPayment body,
                                                                    Principal operator) {
        var command = new ConfirmPaymentManually(orderId, body.pspTradeNo(), body.note());
        return act(orderId, "confirm-payment", operator, command.note(), command);
    }

    /** The operator refunded by hand at a provider that could not refund through its API. */
    @PostMapping(path = "/confirm-refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> confirmRefund(@PathVariable String orderId, @RequestBody Note body,
                                                                   Principal operator) {
        var command = new ConfirmRefundManually(orderId, body.note());
        return act(orderId, "confirm-refund", operator, command.note(), command);
    }

    @PostMapping("/resend-delivery-notification")
    public Mono<ResponseEntity<Map<String, String>>> resendDelivery(@PathVariable String orderId, Principal operator) {
        return act(orderId, "resend-delivery-notification", operator, "delivery notification resent",
                new ResendDeliveryNotification(orderId));
    }

    private Mono<ResponseEntity<Map<String, String>>> act(String orderId, String action, Principal operator,
                                                          String reason, Object command) {
        String who = operator == null ? "unknown" : operator.getName();
        return Blocking.call(() -> {
            MDC.put(LogContext.ORDER_ID, orderId); // Blocking puts the MDC back afterwards
            commands.sendAndWait(Origin.byOperator(who, reason, command));
            log.info("Operator {} did {} on order {}: {}", who, action, orderId, reason);
            return ResponseEntity.accepted().body(Map.of("orderId", orderId, "action", action));
        });
    }
}
