package dev.cardflow.order.query.order;

import dev.cardflow.api.order.FindOrderStatus;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.OrderAccess;
import dev.cardflow.infrastructure.web.Blocking;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The buyer's view of an order: {@code GET /api/orders/{id}} (with ETag) and its live stream
 * {@code GET /api/orders/{id}/updates} (with the token, or a stream ticket from
 * {@code POST /api/orders/{id}/stream-ticket}). Both read the status view only, never the event store;
 * both answer 404 for a wrong token, so an order's existence is never revealed.
 */
@RestController
public class OrderStatusController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

    private final OrderViews orders;
    private final OrderResources resources;
    private final AccessTokens tokens;
    private final QueryGateway queries;
    private final OrderAccess access;

    public OrderStatusController(OrderViews orders, OrderResources resources, AccessTokens tokens,
                                 QueryGateway queries, OrderAccess access) {
        this.orders = orders;
        this.resources = resources;
        this.tokens = tokens;
        this.queries = queries;
        this.access = access;
    }

    @GetMapping(path = "/api/orders/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrderResource>> get(
            @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "token", required = false) String token,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            ServerHttpRequest http) {
        access.require(orderId, authorization, token, http);
        return Blocking.call(() -> orders.find(orderId)
                .map(resources::toResource)
                .orElseGet(() -> OrderResource.justPlaced(orderId)))
                .map(order -> {
                    var response = order.etag().equals(ifNoneMatch)
                            ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                            : ResponseEntity.ok();
                    response.eTag(order.etag()).cacheControl(CacheControl.noCache().cachePrivate());
                    return order.etag().equals(ifNoneMatch) ? response.<OrderResource>build() : response.body(order);
                });
    }

    /** A short-lived ticket for the live stream, so the access token stays out of URLs (and access logs). */
    public record StreamTicket(String ticket, Instant expiresAt) {
    }

    @PostMapping(path = "/api/orders/{orderId}/stream-ticket", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<StreamTicket>> streamTicket(
            @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest http) {
        access.require(orderId, authorization, null, http);
        Instant expiresAt = Instant.now().plus(TICKET_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        return Mono.just(ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new StreamTicket(tokens.issueStreamTicket(orderId, expiresAt), expiresAt)));
    }

    @GetMapping(path = "/api/orders/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<OrderResource>> updates(
            @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "ticket", required = false) String ticket,
            ServerHttpRequest http) {
        if (ticket == null || !tokens.isValidStreamTicket(orderId, ticket, Instant.now())) {
            access.require(orderId, authorization, token, http);
        }
        return Flux.using(
                () -> queries.subscriptionQuery(new FindOrderStatus(orderId),
                        ResponseTypes.instanceOf(OrderStatusView.class), ResponseTypes.instanceOf(OrderStatusView.class)),
                subscription -> statusChanges(orderId, subscription),
                SubscriptionQueryResult::close);
    }

    private Flux<ServerSentEvent<OrderResource>> statusChanges(
            String orderId, SubscriptionQueryResult<OrderStatusView, OrderStatusView> subscription) {
        Flux<OrderResource> states = subscription.initialResult()
                .subscribeOn(Schedulers.boundedElastic())
                .map(resources::toResource)
                .defaultIfEmpty(OrderResource.justPlaced(orderId))
                .concatWith(subscription.updates().publishOn(Schedulers.boundedElastic()).map(resources::toResource))
                .distinctUntilChanged(OrderResource::status)
                .takeUntil(order -> order.status().isTerminal());
        Flux<ServerSentEvent<OrderResource>> events = states.map(order -> ServerSentEvent.builder(order)
                .id(Long.toString(order.version()))
                .event("status")
                .build());
        Flux<ServerSentEvent<OrderResource>> heartbeats = Flux.interval(HEARTBEAT)
                .map(n -> ServerSentEvent.<OrderResource>builder().comment("keep-alive").build());
        return events.publish(shared -> Flux.merge(shared, heartbeats.takeUntilOther(shared.ignoreElements())));
    }
}
