package dev.cardflow.simulator.psp;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** The simulated PSP's pay page (the {@code payUrl}): the buyer sees the amount and presses Pay. */
@DemoOnly
@RestController
public class PayPageController {

    private final Payments payments;

    public PayPageController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping(path = "/simulator/psp/pay/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> page(@PathVariable String paymentId) {
        return Offload.jdbc(() -> payments.find(paymentId)
                .map(PayPageController::render)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no payment " + paymentId)));
    }

    private static String render(Payments.Payment p) {
        String id = HtmlUtils.htmlEscape(p.paymentId());
        String amount = HtmlUtils.htmlEscape(p.amount() + " " + p.currency());
        String status = HtmlUtils.htmlEscape(p.status());
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>SimPay — pay %2$s</title>
                  <link rel="stylesheet" href="/simulator/psp/pay.css">
                </head>
                <body>
                  <main class="card" data-payment-id="%1$s">
                    <p class="brand">SimPay <span>(simulated payment provider)</span></p>
                    <h1>Pay <span id="amount">%2$s</span></h1>
                    <p>Payment <code>%1$s</code></p>
                    <p id="status" role="status" aria-live="polite" data-status="%3$s">Status: %3$s</p>
                    <button id="pay" type="button">Pay %2$s</button>
                    <button id="decline" type="button" class="secondary">Simulate a declined card</button>
                    <p class="hint">Paid? Go back to the shop's tab: your order updates by itself.</p>
                  </main>
                  <script src="/simulator/psp/pay.js"></script>
                </body>
                </html>
                """.formatted(id, amount, status);
    }
}
