package dev.cardflow.platform.web;

import dev.cardflow.platform.support.BrowserTest;
import dev.cardflow.platform.support.HeadlessChromium;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The shop owner's additions in a real browser (Debian's Chromium, headless): a buyer chooses a
 * query password at checkout and later finds the order again on the look-up page, whose link opens
 * the order; the console's dashboard shows the totals, the chart and the products. Screenshots land
 * in {@code target/screenshots/shop-owner-*.png}.
 */
@PlatformTest
class ShopOwnerBrowserIT extends BrowserTest {

    @Test
    void buyerFindsTheOrderAgainByEmailAndQueryPasswordAndItsLinkOpensIt() {
        Product product = shop.pooledProduct("3.20", Shop.keys(2));
        String email = Shop.email();
        chromium = HeadlessChromium.open(375, 812, true);
        ChromeDriver page = chromium.driver();
        WebDriverWait wait = chromium.patiently();

        page.get(url("/"));
        WebElement card = wait.until(visibilityOfElementLocated(
                By.cssSelector("[data-product-id='" + product.productId() + "']")));
        card.findElement(By.cssSelector("button.buy")).click();
        wait.until(ExpectedConditions.visibilityOf(card.findElement(By.name("email")))).sendKeys(email);
        WebElement password = card.findElement(By.name("queryPassword"));
        password.sendKeys("short");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> card.findElement(By.cssSelector(".field-query-password .field-error")).isDisplayed());
        assertThat(card.findElement(By.cssSelector(".field-query-password .field-error")).getText())
                .isEqualTo("The query password must be 6 to 64 characters.");
        password.sendKeys("-but-long-enough");
        chromium.screenshot("shop-owner-1-checkout-with-query-password");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/orders/[^/?]+\\?token=."));
        String orderId = page.getCurrentUrl().replaceAll(".*/orders/([^/?]+)\\?.*", "$1");
        wait.until(d -> "PENDING_PAYMENT".equals(d.findElement(By.id("panel")).getDomAttribute("data-status")));

        page.get(url("/"));
        wait.until(elementToBeClickable(By.cssSelector("a.find-orders"))).click();
        wait.until(ExpectedConditions.urlMatches("/lookup$"));
        WebElement lookupEmail = wait.until(elementToBeClickable(By.id("lookup-email")));
        lookupEmail.sendKeys(email.toUpperCase());
        page.findElement(By.id("lookup-password")).sendKeys("wrong-password");
        page.findElement(By.id("lookup-submit")).click();
        wait.until(d -> d.findElement(By.id("lookup-none")).isDisplayed());
        assertThat(page.findElement(By.id("lookup-none")).getText())
                .isEqualTo("No orders match this email address and password.");

        WebElement lookupPassword = page.findElement(By.id("lookup-password"));
        lookupPassword.clear();
        lookupPassword.sendKeys("short-but-long-enough");
        page.findElement(By.id("lookup-submit")).click();
        By found = By.cssSelector("#lookup-list li[data-order-id='" + orderId + "'] a");
        WebElement link = wait.until(visibilityOfElementLocated(found));
        assertThat(link.getText()).isEqualTo(product.name());
        assertThat(page.findElement(By.id("lookup-none")).isDisplayed()).isFalse();
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("shop-owner-2-lookup-found");

        link.click();
        wait.until(ExpectedConditions.urlMatches("/orders/" + orderId + "\\?token=."));
        wait.until(d -> "PENDING_PAYMENT".equals(d.findElement(By.id("panel")).getDomAttribute("data-status")));
        chromium.screenshot("shop-owner-3-order-opened-from-lookup");
    }

    @Test
    void dashboardShowsTheTotalsTheChartAndTheProducts() {
        Product product = shop.pooledProduct("6.00", Shop.keys(2));
        for (int i = 0; i < 2; i++) {
            PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
            shop.pay(shop.awaitPayment(order));
            shop.awaitStatus(order, "DELIVERED");
        }
        chromium = HeadlessChromium.open(1360, 900, false);
        ChromeDriver page = chromium.driver();
        signInAsAdmin(page);
        WebDriverWait wait = chromium.patiently();

        page.get(url("/admin/#dashboard"));
        By productRow = By.cssSelector("#dashboard-products tr[data-product-id='" + product.productId() + "']");
        WebElement row = wait.until(visibilityOfElementLocated(productRow));
        assertThat(row.getText()).contains(product.name()).contains("2").contains("12.00");
        long delivered = Long.parseLong(page.findElement(
                By.cssSelector("#dashboard-totals [data-total=delivered] .total-value")).getText().replace(",", ""));
        assertThat(delivered).isGreaterThanOrEqualTo(2);
        assertThat(page.findElements(By.cssSelector("#dashboard-chart svg rect.bar"))).hasSize(30);
        assertThat(page.findElements(By.cssSelector("#dashboard-chart svg polyline.revenue-line"))).hasSize(1);
        WebElement today = page.findElements(By.cssSelector("#dashboard-chart svg rect.bar")).get(29);
        assertThat(Long.parseLong(today.getDomAttribute("data-delivered"))).isGreaterThanOrEqualTo(2);
        assertThat(Double.parseDouble(today.getDomAttribute("height"))).isGreaterThan(0);
        assertThat(page.findElement(By.id("dashboard-csv")).getDomAttribute("href"))
                .startsWith("/admin/api/orders.csv?from=");
        assertThat(page.findElement(By.cssSelector(".tabs a[data-view=dashboard]")).getDomAttribute("aria-current"))
                .isEqualTo("page");
        chromium.screenshot("shop-owner-4-dashboard");
        page.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                "deviceScaleFactor", 1, "mobile", true));
        wait.until(visibilityOfElementLocated(productRow));
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("shop-owner-4-dashboard-375");

        new Select(page.findElement(By.id("language"))).selectByValue("zh-CN");
        wait.until(d -> d.findElement(By.id("dashboard-heading")).getText().equals("销售概览"));
        assertThat(page.findElement(By.cssSelector("#dashboard-totals [data-total=delivered]")).getText())
                .contains("已发货");
        chromium.screenshot("shop-owner-5-dashboard-chinese");
    }

    /** Basic credentials on every request the browser makes (see AdminConsoleBrowserIT). */
    private static void signInAsAdmin(ChromeDriver page) {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + Shop.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        page.executeCdpCommand("Network.enable", Map.of());
        page.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
    }
}
