package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.common.Refusal;

/** The refusals of the {@link Inventory} aggregate. */
public final class InventoryRefused {

    private InventoryRefused() {
    }

    /** Keys are uploaded only to products whose keys the platform holds itself. */
    public static final class NotAPoolProduct extends DomainRefusal {
        public NotAPoolProduct(String productId) {
            super(Refusal.Kind.CONFLICT, "not-a-pool-product",
                    "Product " + productId + " buys its keys from a supplier; keys cannot be uploaded to it.");
        }
    }

    /** Only reserved keys can be issued. */
    public static final class NothingReserved extends DomainRefusal {
        public NothingReserved(String productId, String orderId) {
            super(Refusal.Kind.CONFLICT, "nothing-reserved",
                    "No keys of product " + productId + " are reserved for order " + orderId + ".");
        }
    }

    /** A REUSABLE product holds exactly one key, so an upload to it carries one. */
    public static final class OneReusableKey extends DomainRefusal {
        public OneReusableKey(String productId) {
            super(Refusal.Kind.INVALID, "one-reusable-key",
                    "Product " + productId + " delivers one reusable key to every buyer: upload exactly one key.");
        }
    }
}
