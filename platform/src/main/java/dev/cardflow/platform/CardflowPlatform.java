package dev.cardflow.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The all-in-one cardflow: order-command, order-query, saga-fulfilment and the simulators in one
 * JVM on PostgreSQL, with Axon's JDBC storage (the embedded default).
 */
@SpringBootApplication(scanBasePackages = "dev.cardflow")
public class CardflowPlatform {

    public static void main(String[] args) {
        SpringApplication.run(CardflowPlatform.class, args);
    }
}
