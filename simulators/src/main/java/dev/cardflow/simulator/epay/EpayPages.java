package dev.cardflow.simulator.epay;

import org.springframework.web.util.HtmlUtils;

/** The simulated EPay gateway's HTML: the cashier page the buyer pays on, and its error page. */
final class EpayPages {

    private EpayPages() {
    }

    static String pay(EpayOrders.Order order) {
        String channel = order.type().equals("wxpay") ? "WeChat Pay 微信支付" : "Alipay 支付宝";
        return """
                <!doctype html>
                <html lang="zh">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>易支付 EPay — ¥%3$s</title>
                  <link rel="stylesheet" href="/simulator/psp/pay.css">
                  <link rel="stylesheet" href="/simulator/epay/pay.css">
                </head>
                <body>
                  <main class="card" data-trade-no="%1$s" data-status="%5$s">
                    <p class="brand">易支付 EPay <span>(simulated gateway · %4$s)</span></p>
                    <h1>¥<span id="amount">%3$s</span></h1>
                    <p>%2$s</p>
                    <p>Trade <code>%1$s</code></p>
                    <p id="status" role="status" aria-live="polite"></p>
                    <button id="pay" type="button">Pay ¥%3$s 确认支付</button>
                    <button id="decline" type="button" class="secondary">Decline 取消支付</button>
                  </main>
                  <script src="/simulator/epay/pay.js"></script>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(order.tradeNo()), HtmlUtils.htmlEscape(order.name()),
                HtmlUtils.htmlEscape(order.money()), channel, order.status());
    }

    static String error(String message) {
        return """
                <!doctype html>
                <html lang="zh">
                <head>
                  <meta charset="utf-8">
                  <title>站点提示信息</title>
                  <link rel="stylesheet" href="/simulator/psp/pay.css">
                </head>
                <body>
                  <main class="card">
                    <p class="brand">易支付 EPay <span>(simulated gateway)</span></p>
                    <h1>站点提示信息</h1>
                    <p id="error">%s</p>
                  </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(message));
    }
}
