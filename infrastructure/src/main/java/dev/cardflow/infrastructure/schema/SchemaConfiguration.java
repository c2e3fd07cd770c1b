package dev.cardflow.infrastructure.schema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/** Runs the migrations of exactly the modules present in this application, in one history table. */
@AutoConfiguration
public class SchemaConfiguration {

    @Bean
    public FlywayConfigurationCustomizer moduleSchemaLocations(ObjectProvider<SchemaLocation> locations) {
        return configuration -> configuration
                .locations(locations.orderedStream().map(SchemaLocation::location).distinct().toArray(String[]::new))
                // Modules add migrations independently, so a lower version may arrive after a higher one.
                .outOfOrder(true);
    }
}
