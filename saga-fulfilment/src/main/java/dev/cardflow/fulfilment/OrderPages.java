package dev.cardflow.fulfilment;

import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.web.LocalServer;

import org.springframework.core.env.Environment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the shop as buyers and payment providers reach it ({@code CARDFLOW_PUBLIC_URL}). */
public class OrderPages {

    private final AccessTokens tokens;
    private final Environment environment;
    private final String publicUrl;

    public OrderPages(AccessTokens tokens, Environment environment, String publicUrl) {
        this.tokens = tokens;
        this.environment = environment;
        this.publicUrl = publicUrl;
    }

    /** The shop's base URL: the configured public URL, else {@code http://localhost:<port>} (demo). */
    public String base() {
        String base = LocalServer.url(environment, publicUrl, "");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The order's page with its access token: whoever has it sees the order (and its keys). */
    public String orderPage(String orderId) {
        return base() + "/orders/" + orderId + "?token=" + URLEncoder.encode(tokens.issue(orderId), StandardCharsets.UTF_8);
    }

    /** Where a payment provider sends the buyer back: the order's page, which then asks for a payment check at once. */
    public String paymentReturn(String orderId) {
        return orderPage(orderId) + "&from=payment";
    }
}
