package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.AddCardKeys;
import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.CardKeysUpload;
import dev.cardflow.api.inventory.ChangeLowStockThreshold;
import dev.cardflow.api.inventory.ChangeProductDetails;
import dev.cardflow.api.inventory.DisableProduct;
import dev.cardflow.api.inventory.EnableProduct;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.PriceTier;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.RegisterProduct;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.security.CardKeyCipher;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;

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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The operators' catalogue commands: register a product, change it, upload card keys into its pool. */
@RestController
public class ProductAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProductAdminController.class);

    /** The body of a product registration; the fields after {@code lowStockThreshold} are optional. */
    public record RegisterProductRequest(String name, String price, String currency, ProductSource source, String sku,
                                         Integer lowStockThreshold, String description, String instructions,
                                         Boolean enabled, Integer maxPerOrder, List<PriceTierRequest> priceTiers,
                                         KeyMode keyMode, List<BuyerField> buyerFields) {
    }

    /** A price tier as the operator writes it: {@code currency} may be left out (the product's). */
    public record PriceTierRequest(Integer minQuantity, String price, String currency) {
    }

    /** A product as the catalogue holds it now: the answer to a change. */
    public record ProductResource(String productId, String name, String price, String currency, ProductSource source,
                                  String sku, String description, String instructions, boolean enabled,
                                  Integer maxPerOrder, Integer lowStockThreshold, List<PriceTierResource> priceTiers,
                                  KeyMode keyMode, List<BuyerField> buyerFields) {

        static ProductResource of(ProductCatalog.Product p) {
            return new ProductResource(p.productId(), p.name(), p.price().plain(), p.price().currency(), p.source(),
                    p.sku(), p.description(), p.instructions(), p.enabled(), p.maxPerOrder(), p.lowStockThreshold(),
                    p.priceTiers().stream().map(t -> new PriceTierResource(t.minQuantity(), t.price().plain())).toList(),
                    p.keyMode(), p.buyerFields());
        }
    }

    /** A price tier as the API writes it, in the product's currency. */
    public record PriceTierResource(int minQuantity, String price) {
    }

    /** The fields a PATCH may name. */
    private static final Set<String> CHANGEABLE = Set.of("name", "price", "currency", "description", "instructions",
            "enabled", "maxPerOrder", "lowStockThreshold", "priceTiers");

    /** The JSON form of a card-key upload. */
    public record CardKeysRequest(List<String> keys) {
    }

    private final CommandGateway commands;
    private final CardKeyCipher cipher;
    private final ProductCatalog catalog;

    public ProductAdminController(CommandGateway commands, CardKeyCipher cipher, ProductCatalog catalog) {
        this.commands = commands;
        this.cipher = cipher;
        this.catalog = catalog;
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
     * Changes what the body names of a product ({@link #CHANGEABLE}; null removes an optional detail) and answers
     * the product as it is now. A field it does not know, or one that cannot change ({@code keyMode},
     * {@code source}), is refused, so nothing is silently ignored; a refused body changes nothing.
     */
    @PatchMapping(path = "/admin/api/products/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ProductResource>> change(@PathVariable String productId, @RequestBody JsonNode body,
                                                        Principal operator) {
        return Blocking.call(() -> {
            ProductCatalog.Product current = catalog.find(productId)
                    .orElseThrow(() -> ProblemException.notFound("not-found", "There is no product " + productId + "."));
            List<Object> changes = toChanges(current, body);
            for (Object change : changes) {
                commands.sendAndWait(Origin.byOperator(operator.getName(), "product changed", change));
            }
            log.info("Product {} changed: {}", productId, body.properties().stream().map(Map.Entry::getKey).toList());
            return ResponseEntity.ok(ProductResource.of(catalog.find(productId).orElseThrow()));
        });
    }

    /** The commands a PATCH body stands for, all checked before any is sent. */
    private static List<Object> toChanges(ProductCatalog.Product current, JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw InvalidCommand.of("body", "The body must be a JSON object naming what to change (" + CHANGEABLE + ").");
        }
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!CHANGEABLE.contains(field)) {
                throw new InvalidCommand("unknown-field", field, "A product's " + field + " cannot be changed here.");
            }
        }
        String productId = current.productId();
        List<Object> changes = new ArrayList<>();
        // the details first: they are the only change the aggregate may still refuse (tiers kept in another currency)
        ChangeProductDetails details = details(current, body);
        if (!details.isEmpty()) {
            changes.add(details);
        }
        if (body.has("lowStockThreshold")) {
            JsonNode value = body.get("lowStockThreshold");
            changes.add(new ChangeLowStockThreshold(productId, value.isNull() ? null : threshold(value)));
        }
        if (body.has("enabled")) {
            JsonNode value = body.get("enabled");
            if (!value.isBoolean()) {
                throw InvalidCommand.of("enabled", "enabled must be true or false.");
            }
            changes.add(value.booleanValue() ? new EnableProduct(productId) : new DisableProduct(productId));
        }
        return changes;
    }

    private static ChangeProductDetails details(ProductCatalog.Product current, JsonNode body) {
        Set<String> cleared = new HashSet<>();
        for (String field : ChangeProductDetails.CLEARABLE) {
            if (body.has(field) && body.get(field).isNull()) {
                cleared.add(field);
            }
        }
        if (body.has("currency") && !body.has("price")) {
            throw new InvalidCommand("invalid-price", "currency", "currency changes together with price.");
        }
        Money price = body.has("price")
                ? money(text(body, "price"), body.has("currency") ? text(body, "currency") : current.price().currency(),
                "invalid-price", "price")
                : null;
        String currency = price != null ? price.currency() : current.price().currency();
        List<PriceTier> tiers = null;
        if (body.has("priceTiers") && !body.get("priceTiers").isNull()) {
            JsonNode list = body.get("priceTiers");
            if (!list.isArray()) {
                throw new InvalidCommand("invalid-price-tiers", "priceTiers",
                        "priceTiers must be a list of { minQuantity, price }.");
            }
            List<PriceTierRequest> requests = new ArrayList<>();
            for (JsonNode tier : list) {
                if (!tier.isObject() || !tier.path("minQuantity").canConvertToExactIntegral()
                        || !tier.path("minQuantity").canConvertToInt()) {
                    throw new InvalidCommand("invalid-price-tiers", "priceTiers",
                            "Every price tier needs a whole-number minQuantity and a price.");
                }
                requests.add(new PriceTierRequest(tier.get("minQuantity").intValue(), text(tier, "price"),
                        tier.hasNonNull("currency") ? tier.get("currency").asText() : null));
            }
            tiers = tiers(requests, currency);
        }
        Integer maxPerOrder = null;
        if (body.hasNonNull("maxPerOrder")) {
            JsonNode value = body.get("maxPerOrder");
            if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
                throw new InvalidCommand("invalid-max-per-order", "maxPerOrder",
                        "maxPerOrder must be a whole number from 1 to " + ProductDetailsChanged.MAX_PER_ORDER_LIMIT + ".");
            }
            maxPerOrder = value.intValue();
        }
        // an emptied text removes it, as null does
        for (String field : List.of("description", "instructions")) {
            if (body.hasNonNull(field) && text(body, field).isBlank()) {
                cleared.add(field);
            }
        }
        return new ChangeProductDetails(current.productId(), body.has("name") ? text(body, "name") : null, price,
                tiers, nonBlank(body, "description"), nonBlank(body, "instructions"), maxPerOrder, cleared);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw InvalidCommand.of(field, field + " must be a text.");
        }
        return value.asText();
    }

    private static String nonBlank(JsonNode body, String field) {
        return body.hasNonNull(field) && !text(body, field).isBlank() ? text(body, field) : null;
    }

    private static List<PriceTier> tiers(List<PriceTierRequest> requests, String currency) {
        if (requests == null) {
            return null;
        }
        List<PriceTier> tiers = new ArrayList<>();
        for (PriceTierRequest tier : requests) {
            if (tier == null || tier.minQuantity() == null) {
                throw new InvalidCommand("invalid-price-tiers", "priceTiers",
                        "Every price tier needs a minQuantity and a price.");
            }
            if (tier.currency() != null && !tier.currency().equals(currency)) {
                throw new InvalidCommand("invalid-price-tiers", "priceTiers",
                        "Price tiers must be in the product's currency, " + currency + ".");
            }
            tiers.add(new PriceTier(tier.minQuantity(), money(tier.price(), currency, "invalid-price-tiers", "priceTiers")));
        }
        return tiers;
    }

    private static Money money(String amount, String currency, String code, String field) {
        try {
            return new Money(new BigDecimal(String.valueOf(amount)), String.valueOf(currency));
        } catch (IllegalArgumentException e) {
            // the transport's string → Money conversion; the rules on a price are the commands'
            throw new InvalidCommand(code, field,
                    field + ": prices must be decimal strings and currency an ISO-4217 code: " + e.getMessage());
        }
    }

    private static Integer threshold(JsonNode value) {
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
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
                request.lowStockThreshold(), request.description(), request.instructions(), request.enabled(),
                request.maxPerOrder(), tiers(request.priceTiers(), price.currency()), request.keyMode(),
                request.buyerFields());
    }
}
