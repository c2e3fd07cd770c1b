package dev.cardflow.order.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the command side.
 *
 * @param inventorySnapshotThreshold events after which an inventory gets a new snapshot (default 250)
 * @param maxCardKeyUpload           the largest card-key upload accepted in one request (default 2MB)
 * @param cachedOrders               orders kept loaded between their commands (default 10000; an order
 *                                   is a few hundred bytes)
 * @param cachedProducts             products' inventories kept loaded between commands (default 1000)
 */
@ConfigurationProperties("cardflow.command")
public record CommandSideProperties(
        @DefaultValue("250") int inventorySnapshotThreshold,
        @DefaultValue("2MB") DataSize maxCardKeyUpload,
        @DefaultValue("10000") int cachedOrders,
        @DefaultValue("1000") int cachedProducts) {
}
