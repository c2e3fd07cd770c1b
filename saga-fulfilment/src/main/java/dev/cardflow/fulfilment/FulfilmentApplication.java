package dev.cardflow.fulfilment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The fulfilment alone: the saga, its calls to the PSP and the suppliers, the audit, as a service of its own (scaled out, with Axon Server). */
@SpringBootApplication
public class FulfilmentApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(FulfilmentApplication.class)
                .properties("spring.config.name=fulfilment")
                .run(args);
    }
}
