package dev.cardflow.order.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side alone: projections, the buyer's and operators' read endpoints and the pages, as a service of its own (scaled out, with Axon Server). */
@SpringBootApplication
public class OrderQueryApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrderQueryApplication.class)
                .properties("spring.config.name=order-query")
                .run(args);
    }
}
