package dev.cardflow.simulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The simulated outside world (PSP, suppliers, mail) as a service of its own; demo mode only. */
@SpringBootApplication
public class SimulatorsApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SimulatorsApplication.class)
                .properties("spring.config.name=simulators")
                .listeners(new NotInProduction())
                .run(args);
    }
}
