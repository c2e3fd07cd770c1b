package dev.cardflow.simulator.epay;

import dev.cardflow.simulator.chaos.ChaosKnobs;
import dev.cardflow.simulator.outbox.Outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gateway's word that an order is paid, as a real EPay gateway gives it: the signed parameters,
 * sent to the notify_url (GET query or form POST) from the outbox until it answers {@code success},
 * and appended to the return_url the buyer is sent back to.
 */
public class EpayNotifications {

    private static final Logger log = LoggerFactory.getLogger(EpayNotifications.class);

    private final Outbox outbox;
    private final EpaySimulatorProperties properties;

    public EpayNotifications(Outbox outbox, EpaySimulatorProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    /** The signed parameters that report {@code order} paid. */
    Map<String, String> paid(EpayOrders.Order order) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pid", order.pid());
        params.put("trade_no", order.tradeNo());
        params.put("out_trade_no", order.outTradeNo());
        params.put("type", order.type());
        params.put("name", order.name());
        params.put("money", order.money());
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("sign", EpaySignature.sign(params, properties.key()));
        params.put("sign_type", EpaySignature.SIGN_TYPE);
        return params;
    }

    /** Queues the notification of a paid order (inside the caller's transaction). */
    void enqueue(EpayOrders.Order order, ChaosKnobs chaos) {
        if (order.dropCallbacks()) {
            log.info("EPay simulator: dropping the notification of order {} (callbackDropRate)", order.tradeNo());
            return;
        }
        Map<String, String> params = paid(order);
        Outbox.Notification notification = properties.notifyMethod().equals("POST")
                ? new Outbox.Notification(EpayController.CHAOS, order.tradeNo(), "POST", order.notifyUrl(),
                        Map.of("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE), form(params), null, "success")
                : new Outbox.Notification(EpayController.CHAOS, order.tradeNo(), "GET",
                        withQuery(order.notifyUrl(), params), Map.of(), null, null, "success");
        outbox.enqueue(notification, chaos);
    }

    /** {@code url} with {@code params} appended to its query, encoded. */
    static String withQuery(String url, Map<String, String> params) {
        return url + (url.contains("?") ? "&" : "?") + form(params);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
