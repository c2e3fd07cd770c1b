package dev.cardflow.order.command.coupon;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.coupon.CouponKind;
import dev.cardflow.api.coupon.CreateCoupon;
import dev.cardflow.api.coupon.DisableCoupon;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.web.Blocking;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The shop's coupons (ADMIN only): create one, disable one. The list with its uses is the query side's. */
@RestController
public class CouponAdminController {

    private static final Logger log = LoggerFactory.getLogger(CouponAdminController.class);

    /** The body of a new coupon; amounts are decimal strings, {@code expiresAt} an ISO-8601 instant. */
    public record CreateCouponRequest(String code, CouponKind kind, String value, String currency,
                                      List<String> productIds, String minAmount, Integer maxUses, String expiresAt) {
    }

    private final CommandGateway commands;

    public CouponAdminController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/admin/api/coupons", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> create(@RequestBody CreateCouponRequest request,
                                                            Principal operator) {
        CreateCoupon command = new CreateCoupon(request.code(), request.kind(), decimal(request.value(), "value"),
                request.currency(), request.productIds(),
                request.minAmount() == null || request.minAmount().isBlank() ? null
                        : decimal(request.minAmount(), "minAmount"),
                request.maxUses(), instant(request.expiresAt()));
        return Blocking.call(() -> {
            commands.sendAndWait(Origin.byOperator(operator.getName(), "coupon created", command));
            log.info("Coupon {} created ({} {})", command.code(), command.kind(), command.value());
            return ResponseEntity.created(URI.create("/admin/api/coupons/" + command.code()))
                    .body(Map.of("code", command.code()));
        });
    }

    @DeleteMapping(path = "/admin/api/coupons/{code}")
    public Mono<ResponseEntity<Void>> disable(@PathVariable String code, Principal operator) {
        DisableCoupon command = new DisableCoupon(code);
        return Blocking.call(() -> {
            commands.sendAndWait(Origin.byOperator(operator.getName(), "coupon disabled", command));
            log.info("Coupon {} disabled", command.code());
            return ResponseEntity.noContent().build();
        });
    }

    private static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidCommand.of(field, field + " is required.");
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCommand("invalid-coupon-value", field, field + " must be a decimal string such as \"5.00\".");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidCommand.of("expiresAt", "expiresAt must be an ISO-8601 instant such as 2030-01-01T00:00:00Z.");
        }
    }
}
