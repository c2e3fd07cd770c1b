package dev.cardflow.infrastructure.mode;

import org.springframework.core.env.PropertyResolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from the resolved settings whether cardflow may start in its mode. Production needs
 * every secret and the public URL from outside (nothing is generated or kept in the database) and
 * takes no simulated payments; an unknown payment provider is refused in any mode. The verdict
 * names environment variables, never a value.
 */
public final class ModeReadiness {

    public static final String MODE = "cardflow.mode";
    public static final String PROVIDERS = "cardflow.payment.providers";

    static final String SIMULATOR = "simulator";

    /** What production needs whatever the providers: property → environment variable. */
    private static final Map<String, String> ALWAYS = ordered(
            "cardflow.admin.password", "CARDFLOW_ADMIN_PASSWORD",
            "cardflow.security.card-key-secret", "CARDFLOW_CARD_KEY_SECRET",
            "cardflow.security.token-secret", "CARDFLOW_TOKEN_SECRET",
            "cardflow.receipts.signing-key", "CARDFLOW_RECEIPT_SIGNING_KEY",
            "cardflow.public-url", "CARDFLOW_PUBLIC_URL");

    /** What each payment provider needs when enabled in production. */
    private static final Map<String, Map<String, String>> PER_PROVIDER = Map.of(
            SIMULATOR, Map.of(),
            "stripe", ordered(
                    "cardflow.payment.stripe.secret-key", "CARDFLOW_STRIPE_SECRET_KEY",
                    "cardflow.payment.stripe.webhook-secret", "CARDFLOW_STRIPE_WEBHOOK_SECRET"),
            "epay", ordered(
                    "cardflow.payment.epay.url", "CARDFLOW_EPAY_URL",
                    "cardflow.payment.epay.pid", "CARDFLOW_EPAY_PID",
                    "cardflow.payment.epay.key", "CARDFLOW_EPAY_KEY"));

    private static final List<String> KNOWN = List.of(SIMULATOR, "stripe", "epay");

    private ModeReadiness() {
    }

    /** The mode the settings name, if they name a known one (blank: demo). */
    public static Optional<Mode> mode(PropertyResolver settings) {
        return Mode.of(settings.getProperty(MODE));
    }

    /** Why cardflow must not start with these settings, as one line; empty when it may start. */
    public static Optional<String> refusal(PropertyResolver settings) {
        Optional<Mode> mode = mode(settings);
        if (mode.isEmpty()) {
            return Optional.of("CARDFLOW_MODE must be demo or production");
        }
        List<String> providers = providers(settings);
        List<String> unknown = providers.stream().filter(p -> !KNOWN.contains(p)).toList();
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("CARDFLOW_PAYMENT_PROVIDERS names unknown payment providers: " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", KNOWN) + ")");
        }
        if (mode.get() == Mode.PRODUCTION) {
            List<String> missing = new ArrayList<>();
            ALWAYS.forEach((property, variable) -> requireSet(settings, property, variable, missing));
            if (providers.isEmpty()) {
                missing.add("CARDFLOW_PAYMENT_PROVIDERS");
            }
            providers.stream().distinct().map(p -> PER_PROVIDER.getOrDefault(p, Map.of()))
                    .forEach(needs -> needs.forEach((property, variable) -> requireSet(settings, property, variable, missing)));
            if (!missing.isEmpty()) {
                problems.add(0, "Production mode needs " + String.join(", ", missing));
            }
            if (providers.contains(SIMULATOR)) {
                problems.add("the simulator payment provider is not available in production (CARDFLOW_PAYMENT_PROVIDERS)");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The enabled payment providers, in the order buyers see them. */
    public static List<String> providers(PropertyResolver settings) {
        String list = settings.getProperty(PROVIDERS, "");
        return java.util.Arrays.stream(list.split(","))
                .map(p -> p.trim().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static void requireSet(PropertyResolver settings, String property, String variable, List<String> missing) {
        String value = settings.getProperty(property);
        if ((value == null || value.isBlank()) && !missing.contains(variable)) {
            missing.add(variable);
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
