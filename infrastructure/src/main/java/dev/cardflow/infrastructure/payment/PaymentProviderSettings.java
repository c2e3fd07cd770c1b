package dev.cardflow.infrastructure.payment;

import dev.cardflow.api.order.PaymentMethods;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * The payment providers buyers may choose ({@code CARDFLOW_PAYMENT_PROVIDERS}, in the order they see
 * them) and each provider's account (API.md, "Payment providers").
 *
 * @param providers the enabled providers: {@code simulator}, {@code stripe}, {@code epay}
 */
@ConfigurationProperties("cardflow.payment")
public record PaymentProviderSettings(@DefaultValue("simulator") List<String> providers,
                                      @DefaultValue Stripe stripe, @DefaultValue Epay epay) {

    /** The currency EPay gateways take. */
    public static final String EPAY_CURRENCY = "CNY";

    public PaymentProviderSettings {
        providers = providers.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
        for (String provider : providers) {
            if (!PaymentMethods.ALL.contains(provider)) {
                throw new IllegalStateException("CARDFLOW_PAYMENT_PROVIDERS names an unknown provider '" + provider
                        + "'; known: " + String.join(", ", PaymentMethods.ALL));
            }
        }
    }

    /**
     * Stripe Checkout.
     *
     * @param secretKey     the API secret key ({@code CARDFLOW_STRIPE_SECRET_KEY})
     * @param webhookSecret the signing secret of the webhook endpoint ({@code CARDFLOW_STRIPE_WEBHOOK_SECRET})
     * @param apiBase       the API's base URL ({@code CARDFLOW_STRIPE_API_BASE}); empty means the bundled
     *                      simulator (demo mode) or {@code https://api.stripe.com}
     */
    public record Stripe(@DefaultValue("") String secretKey, @DefaultValue("") String webhookSecret,
                         @DefaultValue("") String apiBase) {
    }

    /**
     * An EPay (易支付 v1) gateway.
     *
     * @param url  the gateway's base URL, ending with {@code /} ({@code CARDFLOW_EPAY_URL}); empty means the
     *             bundled simulator (demo mode)
     * @param pid  the merchant id ({@code CARDFLOW_EPAY_PID})
     * @param key  the merchant key that signs every message ({@code CARDFLOW_EPAY_KEY})
     * @param type {@code alipay} or {@code wxpay} ({@code CARDFLOW_EPAY_TYPE})
     */
    public record Epay(@DefaultValue("") String url, @DefaultValue("") String pid, @DefaultValue("") String key,
                       @DefaultValue("alipay") String type) {
    }

    public boolean enabled(String provider) {
        return providers.contains(provider);
    }

    /** The enabled providers that can take a payment in {@code currency}, in the buyers' order. */
    public List<String> usableFor(String currency) {
        return providers.stream()
                .filter(p -> !p.equals(PaymentMethods.EPAY) || EPAY_CURRENCY.equals(currency))
                .toList();
    }

    /** The name buyers see for a provider. */
    public String displayName(String provider) {
        return switch (provider) {
            case PaymentMethods.STRIPE -> "Card (Stripe)";
            case PaymentMethods.EPAY -> "wxpay".equals(epay.type()) ? "WeChat Pay" : "Alipay";
            default -> "Demo payment (simulated)";
        };
    }
}
