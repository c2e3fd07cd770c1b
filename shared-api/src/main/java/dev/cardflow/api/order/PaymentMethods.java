package dev.cardflow.api.order;

import java.util.List;

/** The payment providers an order can be paid through (API.md, "Payment providers"). */
public final class PaymentMethods {

    /** The bundled PSP simulator (demo mode only). */
    public static final String SIMULATOR = "simulator";
    /** Stripe Checkout. */
    public static final String STRIPE = "stripe";
    /** The 易支付 (EPay v1) protocol of Chinese payment aggregators. */
    public static final String EPAY = "epay";

    public static final List<String> ALL = List.of(SIMULATOR, STRIPE, EPAY);

    private PaymentMethods() {
    }

    /** Orders placed before payment methods existed were paid through the simulator. */
    public static String orSimulator(String method) {
        return method == null ? SIMULATOR : method;
    }
}
