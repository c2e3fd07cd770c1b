package dev.cardflow.order.query;

import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.infrastructure.axon.BackgroundProcessor;
import dev.cardflow.infrastructure.operations.Projection;
import dev.cardflow.infrastructure.schema.SchemaLocation;
import dev.cardflow.order.query.coupon.CouponProjection;
import dev.cardflow.order.query.order.OrderStageMetrics;
import dev.cardflow.order.query.order.OrderStatusProjection;
import dev.cardflow.order.query.order.OrderStatusStore;
import dev.cardflow.order.query.order.OrderViews;
import dev.cardflow.order.query.order.StuckOrders;
import dev.cardflow.order.query.product.ProductStockProjection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The query side's tables and the ordering its projections need. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StuckOrders.Thresholds.class)
public class OrderQueryConfiguration {

    @Bean
    public Projection orderStatusRebuild() {
        return new Projection(OrderStatusProjection.PROCESSING_GROUP);
    }

    @Bean
    public Projection productStockRebuild() {
        return new Projection(ProductStockProjection.PROCESSING_GROUP);
    }

    @Bean
    public Projection couponsRebuild() {
        return new Projection(CouponProjection.PROCESSING_GROUP);
    }

    /**
     * The stage metrics' processor starts at the head of the event stream: a new deployment does not
     * count every past order again (it never replays either). It runs in the background (see
     * {@link BackgroundProcessor}): the metrics are timed from the events' own timestamps.
     */
    @Bean
    public ConfigurerModule orderMetricsProcessor() {
        return BackgroundProcessor.fromHead(OrderStageMetrics.PROCESSING_GROUP, 100);
    }

    /**
     * The orders the buyers' pages poll, kept in memory until they change ({@code cardflow.query.cached-orders},
     * 10,000 by default; 0 reads every poll from PostgreSQL).
     */
    @Bean
    public OrderViews orderViews(OrderStatusStore store, DataSource dataSource,
                                 @Value("${cardflow.query.cached-orders:10000}") int size) {
        return new OrderViews(store, dataSource, size);
    }

    @Bean
    public SchemaLocation querySchema() {
        return new SchemaLocation("classpath:db/migration/query");
    }

    /**
     * Everything about one order is handled in order, whichever aggregate stored it: the order's
     * events and the inventory's events that name the order share a sequence.
     */
    @Bean
    public SequencingPolicy<Message<?>> perOrderSequencingPolicy() {
        SequencingPolicy<Message<?>> perAggregate = (SequencingPolicy) SequentialPerAggregatePolicy.instance();
        return message -> message.getPayload() instanceof OrderMessage m ? m.orderId()
                : perAggregate.getSequenceIdentifierFor(message);
    }
}
