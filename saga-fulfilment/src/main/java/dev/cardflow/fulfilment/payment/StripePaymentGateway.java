package dev.cardflow.fulfilment.payment;

import dev.cardflow.api.common.Money;
import dev.cardflow.fulfilment.OrderPages;
import dev.cardflow.fulfilment.resilience.OutboundCalls;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link PaymentGateway} of Stripe Checkout, through the official {@code stripe-java} SDK: a
 * Checkout Session per order (created under the order's idempotency key, so a retry finds the same
 * session), reconciled by retrieving it, refunded through its payment intent, expired when the
 * order is cancelled unpaid. Each call is timed, retried and breaker-guarded as {@code stripe}.
 */
public class StripePaymentGateway implements PaymentGateway {

    static final String CALLS = "stripe";
    /** How long Stripe keeps a session payable at the least. */
    static final Duration STRIPE_MINIMUM_EXPIRY = Duration.ofMinutes(30);

    private final Supplier<StripeClient> client;
    private final OrderPages pages;
    private final OutboundCalls calls;

    public StripePaymentGateway(Supplier<StripeClient> client, OrderPages pages, OutboundCalls calls) {
        this.client = client;
        this.pages = pages;
        this.calls = calls;
    }

    @Override
    public CompletableFuture<CreatedPayment> createPayment(PaymentRequest request) {
        Money amount = request.amount();
        String page = pages.orderPage(request.orderId());
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity((long) request.quantity())
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(amount.minorUnits() / request.quantity())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description() == null ? "Order " + request.orderId()
                                                : request.description())
                                        .build())
                                .build())
                        .build())
                .setClientReferenceId(request.orderId())
                .putMetadata("orderId", request.orderId())
                .setSuccessUrl(pages.paymentReturn(request.orderId()))
                .setCancelUrl(page)
                .setExpiresAt(expiresAt(request))
                .build();
        RequestOptions once = RequestOptions.builder().setIdempotencyKey("cs-" + request.orderId()).build();
        return call(() -> stripe().v1().checkout().sessions().create(params, once))
                .thenApply(session -> new CreatedPayment(session.getId(), session.getUrl()));
    }

    /**
     * The session stays payable until the order's pay-by time plus Stripe's minimum of 30 minutes. It
     * must not depend on the time of the call: a retry after a lost answer sends the same parameters
     * under the same idempotency key and so finds the same session. An order cancelled unpaid expires
     * its session at once ({@link #cancel}).
     */
    static long expiresAt(PaymentRequest request) {
        return request.payBy().plus(STRIPE_MINIMUM_EXPIRY).getEpochSecond();
    }

    @Override
    public CompletableFuture<PaymentState> paymentState(String orderId, String paymentId) {
        return call(() -> stripe().v1().checkout().sessions().retrieve(paymentId))
                .thenApply(session -> new PaymentState(session.getId(), "paid".equals(session.getPaymentStatus()),
                        session.getAmountTotal() == null || session.getCurrency() == null ? null
                                : Money.ofMinorUnits(session.getAmountTotal(), session.getCurrency()),
                        null));
    }

    @Override
    public CompletableFuture<Void> refund(String orderId, String paymentId, String refundId, Money amount) {
        return call(() -> {
            Session session = stripe().v1().checkout().sessions().retrieve(paymentId);
            if (session.getPaymentIntent() == null) {
                throw new IllegalStateException("session " + paymentId + " has no payment to refund");
            }
            RefundCreateParams params = RefundCreateParams.builder()
                    .setPaymentIntent(session.getPaymentIntent())
                    .setAmount(amount.minorUnits())
                    .putMetadata("orderId", orderId)
                    .build();
            return stripe().v1().refunds().create(params, RequestOptions.builder().setIdempotencyKey(refundId).build());
        }).thenApply(refund -> null);
    }

    @Override
    public CompletableFuture<Void> cancel(String orderId, String paymentId) {
        return call(() -> {
            try {
                return stripe().v1().checkout().sessions().expire(paymentId);
            } catch (InvalidRequestException notOpen) {
                // already complete or expired: nothing left to close
                return null;
            }
        }).thenApply(session -> null);
    }

    private StripeClient stripe() {
        return client.get();
    }

    /** The SDK blocks: its calls run off the caller's thread, under the {@code stripe} policies. */
    private <T> CompletableFuture<T> call(Callable<T> work) {
        Mono<T> call = Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
        return calls.guard(CALLS, call).toFuture();
    }
}
