package dev.cardflow.order.command;

import dev.cardflow.infrastructure.schema.SchemaLocation;
import dev.cardflow.infrastructure.web.BodySizeLimit;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's Axon wiring: aggregate caches, the inventory snapshot policy and its tables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSideProperties.class)
public class OrderCommandConfiguration {

    /**
     * Aggregates stay loaded between their commands, up to a count (Ehcache on the heap, through
     * Axon's adapter): a command then reads neither a snapshot nor events. Another instance that
     * appended meanwhile makes the append fail; Axon drops the entry on that rollback and the
     * command is retried on fresh state (see the infrastructure's CommandRetryConfiguration).
     */
    @Bean(destroyMethod = "close")
    public CacheManager aggregateCaches() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    public Cache orderCache(CacheManager aggregateCaches, CommandSideProperties properties) {
        return cache(aggregateCaches, "orders", properties.cachedOrders());
    }

    @Bean
    public Cache inventoryCache(CacheManager aggregateCaches, CommandSideProperties properties) {
        return cache(aggregateCaches, "inventories", properties.cachedProducts());
    }

    /** A coupon in a sale is hot: cached, its uses are not replayed for every order. */
    @Bean
    public Cache couponCache(CacheManager aggregateCaches, CommandSideProperties properties) {
        return cache(aggregateCaches, "coupons", properties.cachedProducts());
    }

    private static Cache cache(CacheManager caches, String name, int entries) {
        return new EhCache3Adapter((Ehcache<?, ?>) caches.createCache(name, CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(entries))));
    }

    /** A hot product is cached; after a restart a snapshot spares replaying its whole history. */
    @Bean
    public SnapshotTriggerDefinition inventorySnapshotTrigger(Snapshotter snapshotter, CommandSideProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.inventorySnapshotThreshold());
    }

    /** Card keys arrive in bulk; every other body stays small. */
    @Bean
    public BodySizeLimit cardKeyUploadLimit(CommandSideProperties properties) {
        return new BodySizeLimit("/admin/api/products/*/card-keys", properties.maxCardKeyUpload());
    }

    @Bean
    public SchemaLocation commandSchema() {
        return new SchemaLocation("classpath:db/migration/command");
    }
}
