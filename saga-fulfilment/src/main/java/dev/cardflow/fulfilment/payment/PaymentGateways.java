package dev.cardflow.fulfilment.payment;

import java.util.Map;

/** The adapter of each enabled payment provider, by the provider's name (API.md, "Payment providers"). */
public final class PaymentGateways {

    private final Map<String, PaymentGateway> byMethod;

    public PaymentGateways(Map<String, PaymentGateway> byMethod) {
        this.byMethod = Map.copyOf(byMethod);
    }

    /** The adapter of {@code method}; an order of a provider since disabled still gets its adapter if one exists. */
    public PaymentGateway of(String method) {
        PaymentGateway gateway = byMethod.get(method);
        if (gateway == null) {
            throw new IllegalStateException("payment provider " + method + " is not configured in this service");
        }
        return gateway;
    }
}
