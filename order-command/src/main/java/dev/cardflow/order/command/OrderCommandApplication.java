package dev.cardflow.order.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side alone: the Order and Inventory aggregates and the endpoints that change state, as a service of its own (scaled out, with Axon Server). */
@SpringBootApplication
public class OrderCommandApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrderCommandApplication.class)
                .properties("spring.config.name=order-command")
                .run(args);
    }
}
