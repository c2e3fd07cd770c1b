package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/**
 * Records a provider's word that a payment succeeded; {@code pspEventId} makes a repeat harmless. It
 * counts only when it names the order's own payment at the order's own provider.
 *
 * @param paymentMethod     the provider that reported it
 * @param paymentId         the payment as the order knows it (the id it was given when the payment was created)
 * @param reportedPaymentId the provider's own id of the payment where it differs (an EPay {@code trade_no}),
 *                          else {@code null}
 */
public record ConfirmPayment(@TargetAggregateIdentifier String orderId, String paymentMethod, String paymentId,
                             String pspEventId, Money amount, String reportedPaymentId) {

    /** The bundled simulator's word on a payment. */
    public ConfirmPayment(String orderId, String paymentId, String pspEventId, Money amount) {
        this(orderId, PaymentMethods.SIMULATOR, paymentId, pspEventId, amount, null);
    }

    /** The payment's id from now on. */
    public String settledPaymentId() {
        return reportedPaymentId != null ? reportedPaymentId : paymentId;
    }

    public ConfirmPayment {
        text(paymentMethod, "paymentMethod");
        text(orderId, "orderId");
        text(paymentId, "paymentId");
        text(pspEventId, "pspEventId");
        present(amount, "amount");
    }
}
