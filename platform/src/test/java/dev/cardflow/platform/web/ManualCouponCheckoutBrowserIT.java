package dev.cardflow.platform.web;

import dev.cardflow.platform.support.BrowserTest;
import dev.cardflow.platform.support.HeadlessChromium;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A buyer's checkout of a MANUAL product in a real browser (as wide as a phone): the product's buyer field and a
 * coupon on the storefront, the discount on the order page, the wait for the shop, and the operator's delivery —
 * and the operator's side in the console: the buyer's field, the Deliver action, the Coupons page. Screenshots land
 * in {@code target/screenshots/manual-*.png}.
 */
@PlatformTest
class ManualCouponCheckoutBrowserIT extends BrowserTest {

    @Test
    void buyerFillsTheProductsFieldAndACouponSeesTheDiscountAndGetsWhatTheOperatorDelivers() {
        String productId = manualProduct();
        String code = "WELCOME" + Shop.shortId().toUpperCase();
        shop.asAdmin(shop.http().post().uri("/admin/api/coupons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "kind", "PERCENT", "value", "20", "maxUses", 5)))
                .exchange().expectStatus().isCreated();
        chromium = HeadlessChromium.open(375, 812, true);
        ChromeDriver page = chromium.driver();
        WebDriverWait wait = chromium.patiently();
        wait.ignoring(StaleElementReferenceException.class);

        page.get(url("/"));
        WebElement card = wait.until(visibilityOfElementLocated(By.cssSelector("[data-product-id='" + productId + "']")));
        card.findElement(By.cssSelector("button.buy")).click();
        WebElement email = wait.until(ExpectedConditions.visibilityOf(card.findElement(By.name("email"))));
        email.sendKeys(Shop.email());
        WebElement account = card.findElement(By.cssSelector("input[data-buyer-field=accountId]"));
        assertThat(card.findElement(By.cssSelector("label[for='" + account.getDomAttribute("id") + "']")).getText())
                .isEqualTo("Game account ID");
        // the required field left empty: the page says so and sends nothing
        card.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> card.findElement(By.cssSelector(".field-buyer .field-error")).isDisplayed());
        account.sendKeys("player-4242");
        card.findElement(By.name("couponCode")).sendKeys(code.toLowerCase());
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("manual-1-checkout-with-field-and-coupon");
        card.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.urlMatches("/orders/[^/?]+\\?token=."));
        String url = page.getCurrentUrl();
        PlacedOrder order = new PlacedOrder(url.replaceAll(".*/orders/([^/?]+)\\?.*", "$1"),
                URLDecoder.decode(url.replaceAll(".*[?&]token=([^&]+).*", "$1"), StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pay-link")));
        wait.until(d -> d.findElement(By.cssSelector("[data-discount]")).getText().contains(code)
                && d.findElement(By.cssSelector("[data-discount]")).getText().contains("2.00"));
        wait.until(d -> d.findElement(By.cssSelector("#order-summary .amount")).getText().contains("8.00"));
        chromium.screenshot("manual-2-order-with-discount");

        shop.pay(shop.awaitPayment(order));
        wait.until(d -> d.findElement(By.cssSelector("[data-awaiting-operator]")).getText()
                .contains("Waiting for the shop to deliver"));
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("manual-3-waiting-for-the-shop");

        operatorDelivers(order, "player-4242", code);

        page.switchTo().window(page.getWindowHandles().iterator().next());
        wait.until(d -> "DELIVERED".equals(d.findElement(By.id("panel")).getDomAttribute("data-status")));
        wait.until(d -> d.findElement(By.cssSelector("[data-card-key]")).getText().equals("Topped up: 500 gems"));
        chromium.screenshot("manual-4-delivered");
    }

    /** The operator in the console: the order's buyer field, the Deliver action; then the Coupons page. */
    private void operatorDelivers(PlacedOrder order, String accountId, String code) {
        HeadlessChromium console = HeadlessChromium.open(1360, 900, false);
        try {
            ChromeDriver admin = console.driver();
            String credentials = Base64.getEncoder()
                    .encodeToString(("admin:" + Shop.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            admin.executeCdpCommand("Network.enable", Map.of());
            admin.executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
            WebDriverWait wait = console.patiently();
            wait.ignoring(StaleElementReferenceException.class);

            admin.get(url("/admin/#order/" + order.orderId()));
            wait.until(d -> d.findElement(By.cssSelector("[data-buyer-field=accountId]")).getText().equals(accountId));
            wait.until(visibilityOfElementLocated(By.id("deliver-form")));
            admin.findElement(By.id("deliver-content")).sendKeys("Topped up: 500 gems");
            console.screenshot("manual-5-console-deliver");
            admin.findElement(By.id("deliver-submit")).click();
            wait.until(d -> "DELIVERED".equals(d.findElement(By.id("order-status")).getDomAttribute("data-status")));

            admin.get(url("/admin/#coupons"));
            await().atMost(Shop.PATIENCE).until(() -> coupon(code).get("used").asInt() == 1);
            admin.findElement(By.id("coupons-refresh")).click();
            wait.until(d -> d.findElement(By.cssSelector("[data-coupon='" + code + "'] [data-used]")).getText()
                    .equals("1 of 5"));
            console.screenshot("manual-6-console-coupons");
        } finally {
            try {
                console.close();
            } catch (IOException e) {
                // the browser is gone either way
            }
        }
    }

    private String manualProduct() {
        JsonNode created = shop.json(shop.asAdmin(shop.http().post().uri("/admin/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "Game top-up " + Shop.shortId(), "price", "10.00", "currency", "EUR",
                                "source", "MANUAL", "buyerFields", List.of(
                                        Map.of("name", "accountId", "label", "Game account ID", "required", true)))))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        String productId = created.get("productId").asText();
        await().atMost(Shop.PATIENCE).until(() -> shop.json(shop.http().get().uri("/api/products").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).findValuesAsText("productId")
                .contains(productId));
        return productId;
    }

    private JsonNode coupon(String code) {
        for (JsonNode coupon : shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/coupons")).exchange()
                .expectBody(String.class).returnResult().getResponseBody())) {
            if (coupon.get("code").asText().equals(code)) {
                return coupon;
            }
        }
        return shop.json("{\"used\": -1}");
    }
}
