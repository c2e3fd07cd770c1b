package dev.cardflow.simulator.epay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Locale;

/**
 * The simulated EPay gateway's one merchant.
 *
 * @param pid          the merchant id (default {@code cardflow.payment.epay.pid}); blank refuses every merchant
 * @param key          the merchant key the signatures are made with (default {@code cardflow.payment.epay.key})
 * @param notifyMethod how notifications are sent: {@code GET} (default, parameters in the query) or {@code POST}
 *                     (the same parameters as a form body)
 */
@ConfigurationProperties("cardflow.simulator.epay")
public record EpaySimulatorProperties(@DefaultValue("") String pid, @DefaultValue("") String key,
                                      @DefaultValue("GET") String notifyMethod) {

    public EpaySimulatorProperties {
        if (!notifyMethod.equalsIgnoreCase("GET") && !notifyMethod.equalsIgnoreCase("POST")) {
            throw new IllegalStateException("cardflow.simulator.epay.notify-method must be GET or POST");
        }
        notifyMethod = notifyMethod.toUpperCase(Locale.ROOT);
    }

    /** Whether these are the merchant's credentials (never, while no merchant is configured). */
    boolean merchant(String pid, String key) {
        return !this.pid.isBlank() && !this.key.isBlank() && this.pid.equals(pid) && this.key.equals(key);
    }
}
