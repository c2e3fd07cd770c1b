package dev.cardflow.order.command;

import java.time.Duration;

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
 * @param placementSenders           threads that send the accepted placements' commands (default 2)
 * @param placementResendAfter       an accepted placement whose command was not sent by then (its
 *                                   process died, the command failed) is sent again (default 30s)
 */
@ConfigurationProperties("cardflow.command")
public record CommandSideProperties(
        @DefaultValue("250") int inventorySnapshotThreshold,
        @DefaultValue("2MB") DataSize maxCardKeyUpload,
        @DefaultValue("10000") int cachedOrders,
        @DefaultValue("1000") int cachedProducts,
        @DefaultValue("2") int placementSenders,
        @DefaultValue("30s") Duration placementResendAfter) {
}
