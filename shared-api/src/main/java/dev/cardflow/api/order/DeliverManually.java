package dev.cardflow.api.order;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.SealedCardKey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

import static dev.cardflow.api.common.Require.*;

/** An operator hands what a paid MANUAL order asked for (one line each, sealed) to the buyer. */
public record DeliverManually(@TargetAggregateIdentifier String orderId, List<SealedCardKey> content) {

    /** The most lines one delivery may carry. */
    public static final int MAX_LINES = 100;
    /** The longest line an operator may deliver. */
    public static final int MAX_LINE = 1000;

    public DeliverManually {
        text(orderId, "orderId");
        content = List.copyOf(notEmpty(content, "content"));
        if (content.size() > MAX_LINES) {
            throw InvalidCommand.of("content", "content holds at most " + MAX_LINES + " lines.");
        }
    }
}
