package dev.cardflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.operatorText;
import static dev.cardflow.api.common.Require.text;

/**
 * An operator confirms a payment the PSP never reported, by the PSP's trade number; the order then
 * takes the normal paid path, once.
 */
public record ConfirmPaymentManually(@TargetAggregateIdentifier String orderId, String pspTradeNo, String note) {

    public ConfirmPaymentManually {
        text(orderId, "orderId");
        pspTradeNo = operatorText(pspTradeNo, "pspTradeNo");
        note = operatorText(note, "note");
    }
}
