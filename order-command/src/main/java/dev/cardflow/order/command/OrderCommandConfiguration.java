package dev.cardflow.order.command;

import dev.cardflow.infrastructure.schema.SchemaLocation;
import dev.cardflow.infrastructure.web.BodySizeLimit;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's Axon wiring: aggregate caches, the inventory snapshot policy and its tables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSideProperties.class)
public class OrderCommandConfiguration {

    @Bean
    public Cache orderCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache inventoryCache() {
        return new WeakReferenceCache();
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
