package dev.cardflow.order.command.payment;

import dev.cardflow.api.order.PaymentCheckStatus;
import dev.cardflow.api.order.RequestPaymentCheck;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.security.OrderAccess;
import dev.cardflow.infrastructure.web.Blocking;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The buyer's "I have paid": the order asks its payment provider now instead of waiting for a
 * notification that may be late or lost. Always {@code 202}; the answer says when the page should
 * ask again ({@code null}: nothing left to check).
 */
@RestController
public class PaymentCheckController {

    /** When to ask again, in seconds; null once the order no longer waits for its payment. */
    public record Accepted(Long checkAgainAfterSeconds) {
    }

    private final CommandGateway commands;
    private final OrderAccess access;
    private final PaymentCheckSettings settings;

    public PaymentCheckController(CommandGateway commands, OrderAccess access, PaymentCheckSettings settings) {
        this.commands = commands;
        this.access = access;
        this.settings = settings;
    }

    @PostMapping(path = "/api/orders/{orderId}/payment-check", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Accepted>> check(
            @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest http) {
        access.require(orderId, authorization, null, http);
        Instant now = Instant.now();
        return Blocking.call(() -> {
            PaymentCheckStatus status = commands.sendAndWait(Origin.from(Origin.BUYER,
                    new RequestPaymentCheck(orderId, now, settings.spacing())));
            Long after = status.awaitingPayment()
                    ? settings.nextAfter(status.firstRequestedAt(), now).toSeconds() : null;
            return ResponseEntity.accepted().cacheControl(CacheControl.noStore()).body(new Accepted(after));
        });
    }
}
