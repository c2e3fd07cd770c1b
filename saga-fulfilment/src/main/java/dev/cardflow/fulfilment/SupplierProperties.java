package dev.cardflow.fulfilment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the card suppliers are. Empty (the default) means this server's bundled simulators.
 *
 * @param primaryUrl base URL of the primary supplier ({@code .../v1/issue} is appended)
 * @param backupUrl  base URL of the backup supplier
 */
@ConfigurationProperties("cardflow.suppliers")
public record SupplierProperties(@DefaultValue("") String primaryUrl, @DefaultValue("") String backupUrl) {
}
