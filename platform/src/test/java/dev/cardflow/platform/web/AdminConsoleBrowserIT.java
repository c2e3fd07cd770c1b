package dev.cardflow.platform.web;

import dev.cardflow.platform.support.BrowserTest;
import dev.cardflow.platform.support.HeadlessChromium;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * An operator's work in the console, in a real browser (Debian's Chromium, headless): find a
 * delivered order by the buyer's email, read its audit, refund it and watch it end refunded with
 * the operator named in the audit; register a product and upload keys; every view at desktop width
 * and at 375 px, in three languages. Screenshots land in {@code target/screenshots/admin-*.png}.
 */
@PlatformTest
class AdminConsoleBrowserIT extends BrowserTest {

    // generous: the machine is small and other tests may run beside this one
    private static final int PHONE_WIDTH = 375;

    @Test
    void consoleIsServedAtAdminToTheAdminOnly() {
        shop.http().get().uri("/admin/").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
        shop.asAdmin(shop.http().get().uri("/admin/")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy",
                        ".*default-src 'self'.*frame-ancestors 'none'.*");
        shop.asAdmin(shop.http().get().uri("/admin")).exchange()
                .expectStatus().isPermanentRedirect()
                .expectHeader().location("/admin/");
        shop.asAdmin(shop.http().get().uri("/admin/admin.js")).exchange().expectStatus().isOk();
        shop.http().get().uri("/admin/admin.js").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void operatorRefundsADeliveredOrderAndTheAuditShowsTheManualStepWithTheOperator() {
        List<String> keys = Shop.keys(1);
        Product product = shop.pooledProduct("7.50", keys);
        String email = Shop.email();
        PlacedOrder order = shop.place(product.productId(), 1, email);
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(order), "notification-sent") == 1);
        ChromeDriver page = openBrowser();
        WebDriverWait wait = chromium.patiently();

        page.get(url("/admin/"));
        // the console shows its views once its texts are loaded
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("filter-q")));
        search.sendKeys(email, Keys.ENTER);
        By row = By.cssSelector("#orders-table tr[data-order-id='" + order.orderId() + "']");
        wait.until(d -> d.findElements(By.cssSelector("#orders-table tbody tr")).size() == 1
                && d.findElement(row).getText().contains(email));
        assertThat(page.findElement(row).findElement(By.cssSelector("[data-status]")).getDomAttribute("data-status"))
                .isEqualTo("DELIVERED");
        chromium.screenshot("admin-" + "1-orders-search");

        page.findElement(row).findElement(By.tagName("a")).click();
        wait.until(d -> "DELIVERED".equals(d.findElement(By.id("order-status")).getDomAttribute("data-status")));
        wait.until(d -> "true".equals(d.findElement(By.id("audit-verdict")).getDomAttribute("data-consistent")));
        assertThat(page.findElement(By.id("audit-verdict")).getText()).startsWith("Consistent");
        assertThat(page.findElement(By.id("order-id")).getText()).isEqualTo(order.orderId());
        assertThat(texts(page, "#audit-events tbody tr code")).containsExactly("OrderPlaced", "StockReserved",
                "PaymentRequested", "PaymentConfirmed", "StockIssued", "OrderDelivered", "BuyerNotified");
        assertThat(page.findElement(By.cssSelector("#audit-events tr[data-type=OrderPlaced]")).getText())
                .contains("buyer");
        assertThat(texts(page, "#audit-decisions code")).anyMatch(d -> d.startsWith("send DeliverOrder"));
        chromium.screenshot("admin-" + "2-order-delivered");

        page.findElement(By.id("action-refund")).click();
        wait.until(d -> d.findElement(By.id("action-dialog")).isDisplayed());
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("dialog-reason");
        page.findElement(By.id("dialog-confirm")).click();
        wait.until(d -> !d.findElement(By.id("dialog-error")).getText().isBlank());
        page.findElement(By.id("dialog-reason")).sendKeys("buyer could not redeem the key");
        chromium.windowScreenshot("admin-" + "3-refund-confirmation");
        page.findElement(By.id("dialog-confirm")).click();

        wait.until(d -> !d.findElement(By.id("action-dialog")).isDisplayed());
        wait.until(d -> d.findElement(By.id("action-outcome")).getText().contains("accepted (202)"));
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("action-refund");
        wait.until(d -> "REFUNDED".equals(d.findElement(By.id("order-status")).getDomAttribute("data-status")));
        By manual = By.cssSelector("#audit-discrepancies li[data-kind=manual-intervention]");
        wait.until(d -> !d.findElements(manual).isEmpty() && d.findElement(manual).getText().contains("admin"));
        assertThat(page.findElement(manual).getText()).contains("Manual intervention", "RefundRequested",
                "by operator admin", "buyer could not redeem the key");
        assertThat(page.findElement(By.id("audit-verdict")).getDomAttribute("data-consistent")).isEqualTo("false");
        assertThat(page.findElement(By.cssSelector("#audit-events tr[data-type=RefundRequested]")).getText())
                .contains("Manual", "admin");
        chromium.screenshot("admin-" + "4-order-refunded");

        // a refunded order cannot be cancelled: the console shows the API's refusal
        page.findElement(By.id("action-cancel")).click();
        wait.until(d -> d.findElement(By.id("action-dialog")).isDisplayed());
        page.findElement(By.id("dialog-reason")).sendKeys("double-check the refusal");
        page.findElement(By.id("dialog-confirm")).click();
        wait.until(d -> d.findElement(By.id("action-outcome")).getText().startsWith("Refused (409)"));
        wait.until(d -> d.findElement(By.id("announcer")).getDomProperty("textContent").startsWith("Refused (409)"));

        phoneWidth(page);
        page.navigate().refresh();
        wait.until(d -> "REFUNDED".equals(d.findElement(By.id("order-status")).getDomAttribute("data-status")));
        wait.until(d -> !d.findElements(manual).isEmpty());
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("admin-" + "5-order-refunded-375");
        assertThat(page.getPageSource()).doesNotContain(keys.get(0));
    }

    @Test
    void productCreatedInTheConsoleTakesKeysFromTextAndFileAndCountsDuplicates() throws IOException {
        ChromeDriver page = openBrowser();
        WebDriverWait wait = chromium.patiently();
        String name = "Console " + Shop.shortId();
        String first = "CONSOLE-" + Shop.shortId() + "-1";
        String second = "CONSOLE-" + Shop.shortId() + "-2";

        page.get(url("/admin/#products"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("product-name"))).sendKeys(name);
        page.findElement(By.id("product-price")).sendKeys("4.20");
        page.findElement(By.id("product-create")).click();
        wait.until(d -> d.findElement(By.id("product-outcome")).getText().startsWith("Created " + name));
        // the new product is chosen for the upload; read as one property, the options are redrawn as stock loads
        String productId = page.findElement(By.id("keys-product")).getDomProperty("value");
        assertThat(productId).isNotBlank();

        page.findElement(By.id("keys-text")).sendKeys(first + "\n" + first);
        wait.until(d -> d.findElement(By.id("keys-count")).getText().equals("2 keys ready to upload."));
        page.findElement(By.id("keys-upload")).click();
        wait.until(d -> d.findElement(By.id("keys-outcome")).getText().equals("1 added, 1 duplicate"));
        assertThat(page.findElement(By.id("keys-text")).getDomProperty("value")).isEmpty();

        Path file = Files.createTempFile("keys-", ".txt");
        Files.writeString(file, first + "\n" + second + "\n", StandardCharsets.UTF_8);
        page.findElement(By.id("keys-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(d -> d.findElement(By.id("keys-count")).getText().equals("2 keys ready to upload."));
        page.findElement(By.id("keys-upload")).click();
        wait.until(d -> d.findElement(By.id("keys-outcome")).getText().equals("1 added, 1 duplicate"));

        // stock counts are a projection: they follow the upload a moment later, and Refresh asks again
        By available = By.cssSelector("#products-table tr[data-product-id='" + productId + "'] td:nth-child(4)");
        new WebDriverWait(page, HeadlessChromium.PATIENCE, Duration.ofSeconds(1)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    if (!d.findElements(available).isEmpty() && d.findElement(available).getText().equals("2")) {
                        return true;
                    }
                    d.findElement(By.id("products-refresh")).click();
                    return false;
                });
        assertThat(shop.available(productId)).isEqualTo(2);
        chromium.screenshot("admin-" + "6-products");
        assertThat(page.getPageSource()).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void everyViewFitsADesktopAndAPhoneIsKeyboardOperableAndSpeaksThreeLanguages() {
        Product product = shop.pooledProduct("3.30", Shop.keys(3));
        PlacedOrder delivered = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(delivered));
        PlacedOrder refunded = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(refunded));
        PlacedOrder waiting = shop.place(product.productId(), 1, Shop.email());
        shop.awaitPayment(waiting);
        shop.awaitStatus(delivered, "DELIVERED");
        shop.awaitStatus(refunded, "DELIVERED");
        assertThat(shop.operator(refunded.orderId(), "refund", Map.of("reason", "goodwill"))).isEqualTo(202);
        shop.awaitStatus(refunded, "REFUNDED");
        ChromeDriver page = openBrowser();
        WebDriverWait wait = chromium.patiently();

        page.get(url("/admin/"));
        wait.until(d -> !d.findElements(By.cssSelector("#orders-table tr[data-order-id='" + waiting.orderId() + "']"))
                .isEmpty());
        // the keyboard alone: the skip link comes first, the tabs are links, a view's heading takes the focus
        page.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(page.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        page.findElement(By.cssSelector(".tabs a[data-view=products]")).sendKeys(Keys.ENTER);
        wait.until(d -> "products-heading".equals(d.switchTo().activeElement().getDomAttribute("id")));

        for (boolean phone : new boolean[] {false, true}) {
            if (phone) {
                phoneWidth(page);
            }
            String width = phone ? "-375" : "-desktop";
            showView(page, wait, "orders", "#orders-table[aria-busy='false'] tbody tr");
            chromium.screenshot("admin-" + "7-orders" + width);
            showView(page, wait, "products", "#products-table[aria-busy='false'] tbody tr");
            chromium.screenshot("admin-" + "8-products" + width);
            showView(page, wait, "dead-letters", "#dead-groups .notice, #dead-groups .panel");
            chromium.screenshot("admin-" + "9-dead-letters" + width);
            showView(page, wait, "system", "#projections-table tr[data-processor='order-status']");
            wait.until(d -> !d.findElements(By.cssSelector("#breakers [data-breaker]")).isEmpty());
            chromium.screenshot("admin-" + "10-system" + width);
            if (!phone) {
                rebuildProductStock(page, wait);
            }
            showView(page, wait, "audit", "#bulk-run");
            page.findElement(By.id("bulk-run")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#bulk-result .stats")).isEmpty());
            assertThat(page.findElement(By.cssSelector("#bulk-result li[data-order-id='" + refunded.orderId()
                    + "'] li[data-kind=manual-intervention]")).getText()).contains("by operator admin", "goodwill");
            assertThat(page.findElements(
                    By.cssSelector("#bulk-result li[data-order-id='" + delivered.orderId() + "']"))).isEmpty();
            chromium.screenshot("admin-" + "11-bulk-audit" + width);
        }

        Select language = new Select(page.findElement(By.id("language")));
        language.selectByValue("zh-CN");
        showView(page, wait, "orders", "#orders-table tbody tr");
        wait.until(d -> d.findElement(By.id("orders-heading")).getText().equals("订单"));
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("admin-" + "12-orders-zh-CN-375");

        page.findElement(By.id("language")).sendKeys(Keys.ARROW_DOWN);
        wait.until(d -> d.findElement(By.id("orders-heading")).getText().equals("Đơn hàng"));
        page.navigate().refresh();
        wait.until(d -> d.findElement(By.id("orders-heading")).getText().equals("Đơn hàng"));
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        showView(page, wait, "products", "#products-table tbody tr");
        chromium.screenshot("admin-" + "13-products-vi-375");
    }

    /** Rebuilds a projection from the console and waits until it has caught up again. */
    private void rebuildProductStock(ChromeDriver page, WebDriverWait wait) {
        wait.until(d -> {
            d.findElement(By.cssSelector("button[data-rebuild='product-stock']")).click();
            return d.findElement(By.id("action-dialog")).isDisplayed();
        });
        assertThat(page.findElement(By.id("dialog-title")).getText()).isEqualTo("Rebuild product-stock?");
        page.findElement(By.id("dialog-confirm")).click();
        wait.until(d -> d.findElement(By.id("system-outcome")).getText()
                .equals("Rebuild of product-stock started (202)."));
        await().atMost(HeadlessChromium.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> caughtUp("product-stock"));
        String row = "#projections-table tr[data-processor='product-stock'] ";
        wait.until(d -> {
            List<String> segments = texts(d, row + ".segments .badge");
            return !segments.isEmpty() && segments.stream().allMatch("caught up"::equals)
                    && !texts(d, row + ".badge").contains("replaying");
        });
    }

    private boolean caughtUp(String projection) {
        JsonNode processors = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/projections")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode processor : processors) {
            if (processor.get("name").asText().equals(projection)) {
                boolean caughtUp = processor.get("running").asBoolean() && !processor.get("replaying").asBoolean()
                        && !processor.get("segments").isEmpty();
                for (JsonNode segment : processor.get("segments")) {
                    caughtUp &= segment.get("caughtUp").asBoolean() && !segment.get("replaying").asBoolean();
                }
                return caughtUp;
            }
        }
        return false;
    }

    /** Opens a view from the tabs and waits until it shows what it loaded. */
    private void showView(ChromeDriver page, WebDriverWait wait, String view, String loaded) {
        page.findElement(By.cssSelector(".tabs a[data-view='" + view + "']")).click();
        wait.until(d -> d.findElement(By.id("view-" + view)).isDisplayed()
                && !d.findElements(By.cssSelector(loaded)).isEmpty());
        chromium.assertNoHorizontalScroll();
    }

    private static List<String> texts(WebDriver page, String selector) {
        return page.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /**
     * HTTP Basic without the browser's sign-in prompt, which a headless browser cannot answer: the
     * DevTools protocol adds the Authorization header to every request of the page, so the page,
     * its scripts and the console's fetch() calls all carry it, as they would once an operator had
     * signed in. Credentials in the address ({@code http://admin:…@host/admin/}) pass the first
     * request only: the page's address then holds them, and fetch() refuses every URL resolved
     * against it ("Request cannot be constructed from a URL that includes credentials").
     */
    private ChromeDriver openBrowser() {
        chromium = HeadlessChromium.open(1360, 900, false);
        signInAsAdmin(chromium.driver());
        return chromium.driver();
    }

    private static void signInAsAdmin(ChromeDriver page) {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + Shop.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        page.executeCdpCommand("Network.enable", Map.of());
        page.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
    }

    /** A phone's viewport; headless Chromium keeps its window at least 500 px wide, the emulation does not. */
    private static void phoneWidth(ChromeDriver page) {
        page.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 812,
                "deviceScaleFactor", 1, "mobile", true));
    }

    }
