package dev.cardflow.simulator.epay;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;
import dev.cardflow.simulator.chaos.Chaos;
import dev.cardflow.simulator.chaos.ChaosKnobs;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The simulated EPay (易支付 v1) gateway (API.md, "Payment providers", {@code epay}). */
@DemoOnly
@RestController
@RequestMapping("/simulator/epay")
public class EpayController {

    static final String CHAOS = "epay";
    private static final Pattern MONEY = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(EpayOrders.ZONE);

    /** A refusal the gateway shows the buyer as its error page. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private final EpayOrders orders;
    private final EpayNotifications notifications;
    private final Chaos chaos;
    private final EpaySimulatorProperties properties;

    public EpayController(EpayOrders orders, EpayNotifications notifications, Chaos chaos,
                          EpaySimulatorProperties properties) {
        this.orders = orders;
        this.notifications = notifications;
        this.chaos = chaos;
        this.properties = properties;
    }

    /** The merchant sends the buyer here (the payUrl): the order is checked, recorded and offered for payment. */
    @RequestMapping(path = "/submit.php", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> submit(ServerWebExchange exchange) {
        return params(exchange).flatMap(p -> {
            EpayOrders.Submission submission = checked(p);
            return chaos.disturbed(CHAOS, () -> {
                boolean drop = ThreadLocalRandom.current().nextDouble() < chaos.knobs(CHAOS).callbackDropRate();
                EpayOrders.Order order = orders.submit(submission, drop);
                if (new BigDecimal(order.money()).compareTo(new BigDecimal(submission.money())) != 0) {
                    throw new Refusal("订单金额与已提交的订单不一致 (out_trade_no " + order.outTradeNo()
                            + " was submitted with money " + order.money() + ")");
                }
                return EpayPages.pay(order);
            });
        });
    }

    /** The buyer pays on the cashier page. Never disturbed: chaos is for the merchant's calls. */
    @PostMapping(path = "/pay/{tradeNo}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> complete(@PathVariable String tradeNo) {
        return Offload.jdbc(() -> {
            EpayOrders.Order order = found(tradeNo);
            ChaosKnobs knobs = chaos.knobs(CHAOS);
            orders.pay(tradeNo, () -> notifications.enqueue(found(tradeNo), knobs));
            EpayOrders.Order paid = found(tradeNo);
            return Map.of("trade_no", paid.tradeNo(), "status", paid.status(),
                    "redirect", EpayNotifications.withQuery(order.returnUrl(), notifications.paid(paid)));
        });
    }

    /** The buyer declines: the order stays unpaid (a real gateway tells the merchant nothing). */
    @PostMapping(path = "/pay/{tradeNo}/fail", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> fail(@PathVariable String tradeNo) {
        return Offload.jdbc(() -> {
            EpayOrders.Order order = found(tradeNo);
            return Map.of("trade_no", order.tradeNo(), "status", order.status());
        });
    }

    /** The merchant API: {@code act=order} (look an order up) and {@code act=refund}. */
    @RequestMapping(path = "/api.php", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> api(ServerWebExchange exchange) {
        return params(exchange).flatMap(p -> chaos.disturbed(CHAOS, () -> switch (p.getOrDefault("act", "")) {
            case "order" -> order(p);
            case "refund" -> refund(p);
            default -> answer(-5, "No Act!");
        }));
    }

    @GetMapping(path = "/simulation", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> simulation() {
        return Offload.jdbc(() -> chaos.knobs(CHAOS));
    }

    @PutMapping(path = "/simulation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> changeSimulation(@RequestBody ChaosKnobs.ChaosChange change) {
        return Offload.jdbc(() -> chaos.change(CHAOS, change));
    }

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<String> refused(Refusal refusal) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML)
                .body(EpayPages.error(refusal.getMessage()));
    }

    private Map<String, Object> order(Map<String, String> p) {
        if (!properties.merchant(p.get("pid"), p.get("key"))) {
            return answer(-1, "KEY校验失败");
        }
        var found = p.containsKey("trade_no") ? orders.byTradeNo(p.get("trade_no"))
                : orders.byOutTradeNo(p.getOrDefault("out_trade_no", ""));
        if (found.isEmpty()) {
            return answer(-1, "订单号不存在");
        }
        EpayOrders.Order o = found.get();
        Map<String, Object> answer = answer(1, "succ");
        answer.put("trade_no", o.tradeNo());
        answer.put("out_trade_no", o.outTradeNo());
        answer.put("type", o.type());
        answer.put("pid", o.pid());
        answer.put("addtime", TIME.format(o.addedAt()));
        answer.put("endtime", o.paidAt() == null ? null : TIME.format(o.paidAt()));
        answer.put("name", o.name());
        answer.put("money", o.money());
        answer.put("status", o.status());
        return answer;
    }

    private Map<String, Object> refund(Map<String, String> p) {
        if (!properties.merchant(p.get("pid"), p.get("key"))) {
            return answer(-1, "KEY校验失败");
        }
        if (!chaos.knobs(CHAOS).refundSupported()) {
            return answer(-1, "该支付通道不支持退款");
        }
        String money = p.getOrDefault("money", "");
        if (!MONEY.matcher(money).matches()) {
            return answer(-1, "退款金额不正确");
        }
        String tradeNo = p.containsKey("trade_no") ? p.get("trade_no")
                : orders.byOutTradeNo(p.getOrDefault("out_trade_no", "")).map(EpayOrders.Order::tradeNo).orElse("");
        return switch (orders.refund(tradeNo, new BigDecimal(money))) {
            case REFUNDED, ALREADY_REFUNDED -> answer(1, "退款成功");
            case UNKNOWN -> answer(-1, "订单号不存在");
            case UNPAID -> answer(-1, "订单未支付，无法退款");
            case TOO_MUCH -> answer(-1, "退款金额不能大于订单金额");
        };
    }

    private EpayOrders.Submission checked(Map<String, String> p) {
        for (String name : new String[] {"pid", "type", "out_trade_no", "notify_url", "return_url", "name", "money", "sign"}) {
            if (p.getOrDefault(name, "").isBlank()) {
                throw new Refusal("参数不完整 (" + name + " is missing)");
            }
        }
        if (properties.pid().isBlank() || !properties.pid().equals(p.get("pid"))) {
            throw new Refusal("商户不存在 (unknown pid)");
        }
        if (p.containsKey("sign_type") && !p.get("sign_type").equalsIgnoreCase(EpaySignature.SIGN_TYPE)) {
            throw new Refusal("签名类型不支持 (sign_type must be MD5)");
        }
        if (!EpaySignature.verify(p, properties.key())) {
            throw new Refusal("签名校验失败 (bad sign)");
        }
        if (!p.get("type").equals("alipay") && !p.get("type").equals("wxpay")) {
            throw new Refusal("支付方式不存在 (type must be alipay or wxpay)");
        }
        if (!MONEY.matcher(p.get("money")).matches() || new BigDecimal(p.get("money")).signum() <= 0) {
            throw new Refusal("金额不合法 (money must be positive yuan with at most two decimals)");
        }
        return new EpayOrders.Submission(p.get("pid"), p.get("type"), p.get("out_trade_no"), p.get("notify_url"),
                p.get("return_url"), p.get("name"), yuan(new BigDecimal(p.get("money"))));
    }

    private EpayOrders.Order found(String tradeNo) {
        return orders.byTradeNo(tradeNo).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + tradeNo));
    }

    /** The query's and the form's parameters, the form's winning (as PHP's $_REQUEST has it). */
    private static Mono<Map<String, String>> params(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            Map<String, String> all = new LinkedHashMap<>(exchange.getRequest().getQueryParams().toSingleValueMap());
            all.putAll(form.toSingleValueMap());
            return all;
        });
    }

    private static Map<String, Object> answer(int code, String msg) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", msg);
        return answer;
    }

    /** Yuan with two decimals, as the gateway writes amounts. */
    static String yuan(BigDecimal money) {
        return money.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
