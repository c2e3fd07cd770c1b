package dev.cardflow.order.command.payment;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.infrastructure.payment.EpaySignature;
import dev.cardflow.infrastructure.payment.PaymentProviderSettings;
import dev.cardflow.infrastructure.web.Blocking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET|POST /api/payments/epay/notify}: an EPay gateway's signed word on a payment. Answered
 * {@code success} once recorded (the gateway repeats it until it reads that), {@code fail} with 400
 * for a bad signature or another merchant's notification, which is not recorded.
 */
@RestController
public class EpayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(EpayNotifyController.class);
    static final String SUCCESS = "success";
    static final String FAIL = "fail";

    private final PaymentProviderSettings providers;
    private final PaymentReports reports;

    EpayNotifyController(PaymentProviderSettings providers, PaymentReports reports) {
        this.providers = providers;
        this.reports = reports;
    }

    @GetMapping(path = "/api/payments/epay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<ResponseEntity<String>> notifyByGet(ServerWebExchange exchange) {
        return handle(exchange.getRequest().getQueryParams());
    }

    @PostMapping(path = "/api/payments/epay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<ResponseEntity<String>> notifyByPost(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            MultiValueMap<String, String> all = new org.springframework.util.LinkedMultiValueMap<>(
                    exchange.getRequest().getQueryParams());
            form.forEach((name, values) -> all.put(name, values));
            return handle(all);
        });
    }

    private Mono<ResponseEntity<String>> handle(MultiValueMap<String, String> query) {
        PaymentProviderSettings.Epay epay = providers.epay();
        if (!providers.enabled(PaymentMethods.EPAY) || epay.key().isBlank()) {
            return Mono.just(answer(HttpStatus.NOT_FOUND, FAIL));
        }
        Map<String, String> parameters = new HashMap<>();
        query.forEach((name, values) -> parameters.put(name, values.isEmpty() ? "" : values.get(0)));
        if (!epay.pid().equals(parameters.get("pid")) || !EpaySignature.isSigned(parameters, epay.key())) {
            reports.refused(PaymentMethods.EPAY);
            log.warn("Refused an EPay notification with a bad signature or another merchant's pid");
            return Mono.just(answer(HttpStatus.BAD_REQUEST, FAIL));
        }
        PaymentReport report = report(parameters);
        if (report == null) {
            return Mono.just(answer(HttpStatus.BAD_REQUEST, FAIL));
        }
        return Blocking.call(() -> {
            reports.record(report);
            return answer(HttpStatus.OK, SUCCESS);
        });
    }

    private static PaymentReport report(Map<String, String> p) {
        String orderId = p.get("out_trade_no");
        String tradeNo = p.get("trade_no");
        String status = p.get("trade_status");
        if (blank(orderId) || blank(tradeNo) || blank(status)) {
            return null;
        }
        Money amount;
        try {
            amount = blank(p.get("money")) ? null
                    : new Money(new BigDecimal(p.get("money")), PaymentProviderSettings.EPAY_CURRENCY);
        } catch (IllegalArgumentException e) {
            return null;
        }
        PaymentReport.Outcome outcome = "TRADE_SUCCESS".equals(status)
                ? PaymentReport.Outcome.SUCCEEDED : PaymentReport.Outcome.OTHER;
        return new PaymentReport(PaymentMethods.EPAY, "epay:" + tradeNo + ":" + status, orderId, orderId, tradeNo,
                outcome, amount);
    }

    private static ResponseEntity<String> answer(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
