package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

import static dev.cardflow.api.common.Require.*;

/**
 * Adds a product to the shop's catalogue; {@code lowStockThreshold} (optional, at least 0) makes the operators
 * hear when the available keys fall to it. The shop-window details ({@code description}, {@code instructions},
 * {@code enabled} (null: true), {@code maxPerOrder}, {@code priceTiers}, {@code keyMode} (null: UNIQUE)) are
 * optional too.
 */
public record RegisterProduct(@TargetAggregateIdentifier String productId, String name, Money price, ProductSource source,
                              String sku, Integer lowStockThreshold,
                              String description, String instructions, Boolean enabled, Integer maxPerOrder,
                              List<PriceTier> priceTiers, KeyMode keyMode, List<BuyerField> buyerFields) {

    public static final int MAX_NAME = 200;

    public RegisterProduct {
        text(productId, "productId");
        name = text(name, "name", MAX_NAME);
        present(price, "price");
        if (price.amount().signum() <= 0) {
            throw new InvalidCommand("invalid-price", "price", "price must be greater than zero.");
        }
        present(source, "source");
        if (source == ProductSource.UPSTREAM) {
            text(sku, "sku");
        }
        sku = sku == null ? null : sku.strip();
        ChangeLowStockThreshold.check(lowStockThreshold);
        description = ChangeProductDetails.checkedText(description, "description", ProductDetailsChanged.MAX_DESCRIPTION);
        instructions = ChangeProductDetails.checkedText(instructions, "instructions",
                ProductDetailsChanged.MAX_INSTRUCTIONS);
        ChangeProductDetails.checkMaxPerOrder(maxPerOrder);
        priceTiers = PriceTier.checked(priceTiers, price);
        if (keyMode == KeyMode.REUSABLE && source != ProductSource.POOL) {
            throw new InvalidCommand("invalid-key-mode", "keyMode",
                    "Only a POOL product's keys can be REUSABLE: a supplier sells each key once.");
        }
        if (buyerFields != null && !buyerFields.isEmpty() && source != ProductSource.MANUAL) {
            throw new InvalidCommand("invalid-buyer-fields", "buyerFields",
                    "Only a MANUAL product asks the buyer for fields.");
        }
        buyerFields = BuyerField.checked(buyerFields);
    }

    /** A product that asks the buyer nothing (not MANUAL). */
    public RegisterProduct(String productId, String name, Money price, ProductSource source, String sku,
                  Integer lowStockThreshold, String description, String instructions, Boolean enabled,
                  Integer maxPerOrder, List<PriceTier> priceTiers, KeyMode keyMode) {
        this(productId, name, price, source, sku, lowStockThreshold, description, instructions, enabled, maxPerOrder,
                priceTiers, keyMode, null);
    }

    public RegisterProduct(String productId, String name, Money price, ProductSource source, String sku,
                           Integer lowStockThreshold) {
        this(productId, name, price, source, sku, lowStockThreshold, null, null, null, null, null, null, null);
    }

    /** A product asking the buyer for fields (MANUAL), without shop-window details. */
    public RegisterProduct(String productId, String name, Money price, ProductSource source, String sku,
                           Integer lowStockThreshold, List<BuyerField> buyerFields) {
        this(productId, name, price, source, sku, lowStockThreshold, null, null, null, null, null, null, buyerFields);
    }

    public RegisterProduct(String productId, String name, Money price, ProductSource source, String sku) {
        this(productId, name, price, source, sku, null);
    }
}
