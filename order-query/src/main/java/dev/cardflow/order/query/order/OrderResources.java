package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.infrastructure.security.CardKeyCipher;
import dev.cardflow.order.query.product.ProductStockStore;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Turns the stored view into what the buyer reads, opening the card keys of a delivered order. */
@Component
public class OrderResources {

    private final CardKeyCipher cipher;
    private final CompletionEstimates estimates;
    private final ProductStockStore products;

    public OrderResources(CardKeyCipher cipher, CompletionEstimates estimates, ProductStockStore products) {
        this.cipher = cipher;
        this.estimates = estimates;
        this.products = products;
    }

    public OrderResource toResource(OrderStatusView view) {
        List<String> keys = view.status() == OrderStatus.DELIVERED && view.cardKeys() != null
                ? view.cardKeys().stream().map(cipher::open).toList()
                : null;
        OrderResource.Payment payment = view.paymentId() == null ? null
                : new OrderResource.Payment(view.paymentMethod(), view.paymentId(), view.payUrl());
        Instant estimate = estimates.estimate(view);
        return new OrderResource(view.orderId(), view.status(), view.productId(), view.productName(), view.quantity(),
                view.amount(), view.currency(), payment, view.timeline(), estimate, keys, view.reason(), view.payBy(),
                OrderResource.pollAfter(view.status()), view.version(), view.couponCode(), view.discount(),
                instructions(view));
    }

    /** The product's instructions (as they read now) are for buyers who have their keys, not before. */
    private String instructions(OrderStatusView view) {
        return view.status() == OrderStatus.DELIVERED && view.productId() != null
                ? products.instructions(view.productId()).orElse(null)
                : null;
    }
}
