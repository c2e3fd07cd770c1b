package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.AddCardKeys;
import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.CardKeysUpload;
import dev.cardflow.api.inventory.ChangeLowStockThreshold;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.RegisterProduct;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.security.CardKeyCipher;
import dev.cardflow.infrastructure.web.Blocking;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operators' catalogue commands: register a product, upload card keys into its pool. */
@RestController
public class ProductAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProductAdminController.class);

    /** The body of a product registration. */
    public record RegisterProductRequest(String name, String price, String currency, ProductSource source, String sku,
                                         Integer lowStockThreshold, List<BuyerField> buyerFields) {
    }

    /** The JSON form of a card-key upload. */
    public record CardKeysRequest(List<String> keys) {
    }

    private final CommandGateway commands;
    private final CardKeyCipher cipher;

    public ProductAdminController(CommandGateway commands, CardKeyCipher cipher) {
        this.commands = commands;
        this.cipher = cipher;
    }

    @PostMapping(path = "/admin/api/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> register(@RequestBody RegisterProductRequest request,
                                                              Principal operator) {
        RegisterProduct command = toCommand(request);
        return Blocking.call(() -> {
            commands.sendAndWait(Origin.byOperator(operator.getName(), "product registered", command));
            log.info("Product {} registered ({}, {})", command.productId(), command.source(), command.price());
            return ResponseEntity.created(URI.create("/admin/api/products/" + command.productId()))
                    .body(Map.of("productId", command.productId()));
        });
    }

    /**
     * Changes what the body names of a product (for now only {@code lowStockThreshold}: a whole number from 0, or
     * null for no low-stock alert); a field it does not know is refused, so nothing is silently ignored.
     */
    @PatchMapping(path = "/admin/api/products/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Void>> change(@PathVariable String productId, @RequestBody JsonNode body,
                                             Principal operator) {
        List<Object> changes = toChanges(productId, body);
        return Blocking.call(() -> {
            for (Object change : changes) {
                commands.sendAndWait(Origin.byOperator(operator.getName(), "product changed", change));
            }
            log.info("Product {} changed: {}", productId, changes);
            return ResponseEntity.noContent().build();
        });
    }

    private static List<Object> toChanges(String productId, JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw InvalidCommand.of("body", "The body must be a JSON object naming what to change (lowStockThreshold).");
        }
        List<Object> changes = new ArrayList<>();
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            JsonNode value = body.get(field);
            if (!field.equals("lowStockThreshold")) {
                throw new InvalidCommand("unknown-field", field, "A product's " + field + " cannot be changed here.");
            }
            if (!value.isNull() && !value.canConvertToExactIntegral()) {
                throw new InvalidCommand("invalid-low-stock-threshold", field,
                        "lowStockThreshold must be a whole number from 0, or null.");
            }
            changes.add(new ChangeLowStockThreshold(productId, value.isNull() ? null : threshold(value)));
        }
        return changes;
    }

    private static Integer threshold(JsonNode value) {
        if (!value.canConvertToInt()) {
            throw new InvalidCommand("invalid-low-stock-threshold", "lowStockThreshold",
                    "lowStockThreshold must be a whole number from 0 to " + ChangeLowStockThreshold.MAX_THRESHOLD + ".");
        }
        return value.intValue();
    }

    @PostMapping(path = "/admin/api/products/{productId}/card-keys", consumes = MediaType.TEXT_PLAIN_VALUE)
    public Mono<CardKeysUpload> uploadText(@PathVariable String productId, @RequestBody(required = false) String body,
                                           Principal operator) {
        List<String> keys = body == null ? List.of() : body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return upload(productId, keys, operator);
    }

    @PostMapping(path = "/admin/api/products/{productId}/card-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CardKeysUpload> uploadJson(@PathVariable String productId, @RequestBody CardKeysRequest body,
                                           Principal operator) {
        return upload(productId, body.keys() == null ? List.of() : body.keys(), operator);
    }

    private Mono<CardKeysUpload> upload(String productId, List<String> keys, Principal operator) {
        AddCardKeys.checkedPlainKeys(keys);
        return Blocking.call(() -> {
            List<SealedCardKey> sealed = keys.stream().map(cipher::seal).toList();
            CardKeysUpload result = commands.sendAndWait(
                    Origin.byOperator(operator.getName(), "card keys uploaded", new AddCardKeys(productId, sealed)));
            log.info("Product {}: {} card keys added, {} duplicates skipped", productId, result.added(),
                    result.duplicates());
            return result;
        });
    }

    private static RegisterProduct toCommand(RegisterProductRequest request) {
        Money price;
        try {
            price = new Money(new BigDecimal(String.valueOf(request.price())), String.valueOf(request.currency()));
        } catch (IllegalArgumentException e) {
            // the transport's string → Money conversion; the rules on a price are RegisterProduct's
            throw new InvalidCommand("invalid-price", "price",
                    "price must be a decimal string and currency an ISO-4217 code: " + e.getMessage());
        }
        return new RegisterProduct(UUID.randomUUID().toString(), request.name(), price, request.source(), request.sku(),
                request.lowStockThreshold(), request.buyerFields());
    }
}
