package dev.cardflow.order.command.payment;

import dev.cardflow.api.common.DomainRefusal;
import dev.cardflow.api.order.ConfirmPayment;
import dev.cardflow.api.order.RecordPaymentFailure;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.order.command.order.OrderRefused;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Records an authentic payment notification of any provider on its order, in one command. A
 * notification that names no order of ours, or a payment that is not the order's own, changes no
 * order: it is kept for operators and acknowledged all the same (the provider would repeat it forever).
 */
@Component
public class PaymentReports {

    private static final Logger log = LoggerFactory.getLogger(PaymentReports.class);

    private final CommandGateway commands;
    private final UnmatchedNotifications unmatched;
    private final MeterRegistry meters;

    PaymentReports(CommandGateway commands, UnmatchedNotifications unmatched, MeterRegistry meters) {
        this.commands = commands;
        this.unmatched = unmatched;
        this.meters = meters;
    }

    /** Records {@code report}; the answer is the outcome counted in {@code cardflow.payment.notifications}. */
    public String record(PaymentReport report) {
        String outcome = "recorded";
        try {
            switch (report.outcome()) {
                case SUCCEEDED -> commands.sendAndWait(Origin.from(Origin.PSP_NOTIFICATION, new ConfirmPayment(
                        report.orderId(), report.method(), report.paymentId(), report.eventId(), report.amount(),
                        report.reportedPaymentId())));
                case FAILED -> commands.sendAndWait(Origin.from(Origin.PSP_NOTIFICATION,
                        new RecordPaymentFailure(report.orderId(), report.paymentId(), report.eventId())));
                case OTHER -> {
                    outcome = "ignored";
                    log.info("Payment {} of order {} at {}: nothing to do", report.paymentId(), report.orderId(),
                            report.method());
                }
            }
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            outcome = "unknown-order";
            keep(report, "no such order");
        } catch (CommandExecutionException e) {
            // behind Axon Server the refusal arrives as a plain CommandExecutionException with its details
            if (!DomainRefusal.of(e).map(r -> OrderRefused.PaymentNotOurs.CODE.equals(r.code())).orElse(false)) {
                throw e;
            }
            outcome = "not-the-orders-payment";
            keep(report, e.getMessage());
        }
        meters.counter("cardflow.payment.notifications", "outcome", outcome, "method", report.method()).increment();
        return outcome;
    }

    /** Counts a notification refused for its signature. */
    public void refused(String method) {
        meters.counter("cardflow.payment.notifications", "outcome", "refused", "method", method).increment();
    }

    private void keep(PaymentReport report, String reason) {
        unmatched.record(report, reason, Instant.now());
        log.warn("Payment notification {} from {} about payment {} of order {} matched no order's own payment ({});"
                + " recorded for operators", report.eventId(), report.method(), report.paymentId(), report.orderId(),
                reason);
    }
}
