package dev.cardflow.platform.web;

import dev.cardflow.platform.support.BrowserTest;
import dev.cardflow.platform.support.HeadlessChromium;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfWindowsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A buyer's way through the pages in a real browser — Debian's Chromium, headless, as wide as a
 * phone — from the storefront through the PSP's pay page to the key; and the language switch.
 * Screenshots of each page land in {@code target/screenshots}.
 */
@PlatformTest
class StorefrontBrowserIT extends BrowserTest {

    @Test
    void storefrontAndOrderPagesAreServedAsHtml() {
        shop.http().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        shop.http().get().uri("/orders/{orderId}", "anything").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void buyerPaysInANewTabAndTheOrderPageShowsTheKeyWithoutReloading() {
        List<String> keys = Shop.keys(3);
        Product product = shop.pooledProduct("9.90", keys);
        ChromeDriver page = openBrowser();
        WebDriverWait wait = chromium.patiently();

        page.get(url("/"));
        WebElement card = wait.until(visibilityOfElementLocated(productCard(product)));
        wait.until(d -> card.findElement(By.cssSelector(".stock")).getText().equals("Only 3 left"));
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("1-storefront");

        card.findElement(By.cssSelector("button.buy")).click();
        WebElement email = wait.until(ExpectedConditions.visibilityOf(card.findElement(By.name("email"))));
        email.sendKeys(Shop.email());
        new Select(card.findElement(By.name("quantity"))).selectByValue("1");
        card.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.urlMatches("/orders/[^/?]+\\?token=."));
        page.executeScript("window.neverReloaded = true;");
        String orderTab = page.getWindowHandle();
        WebElement payLink = wait.until(elementToBeClickable(By.id("pay-link")));
        assertThat(payLink.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(payLink.getDomAttribute("rel")).contains("noopener");
        assertThat(page.findElement(By.id("panel")).getText()).contains("Please pay by");
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("2-order-waiting-for-payment");

        payLink.click();
        wait.until(numberOfWindowsToBe(2));
        String payTab = page.getWindowHandles().stream().filter(handle -> !handle.equals(orderTab))
                .findFirst().orElseThrow();
        page.switchTo().window(payTab);
        WebElement pay = wait.until(elementToBeClickable(By.id("pay")));
        chromium.screenshot("3-psp-pay-page");
        pay.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "SUCCEEDED"));

        page.switchTo().window(orderTab);
        wait.until(d -> "DELIVERED".equals(d.findElement(By.id("panel")).getDomAttribute("data-status")));
        WebElement key = wait.until(visibilityOfElementLocated(By.cssSelector("[data-card-key]")));
        assertThat(key.getText()).isEqualTo(keys.get(0));
        WebElement announcer = page.findElement(By.id("announcer"));
        assertThat(announcer.getDomAttribute("aria-live")).isEqualTo("polite");
        wait.until(d -> announcer.getDomProperty("textContent").contains("Delivered"));
        assertThat(page.executeScript("return window.neverReloaded === true;")).isEqualTo(true);
        assertThat(page.findElement(By.cssSelector(".step[aria-current=step]")).getText()).contains("Delivered");

        WebElement copy = page.findElement(By.cssSelector(".key-row button.copy"));
        copy.click();
        wait.until(d -> copy.getText().contains("Copied"));
        // the settled order offers its signed receipt, its history verified
        WebElement receiptState = wait.until(visibilityOfElementLocated(By.id("receipt-state")));
        // at least placed, payment requested, paid, delivered; the page's payment checks add their own steps
        wait.until(d -> receiptState.getText().matches("✓ History verified: ([4-9]|\\d\\d+) steps, signed .*"));
        assertThat(page.findElement(By.id("receipt-download")).isDisplayed()).isTrue();
        // opening the pay link made the page ask for a payment check while the order waited
        String orderId = page.getCurrentUrl().replaceAll(".*/orders/([^/?]+)\\?.*", "$1");
        assertThat(shop.audit(orderId).get("events").findValuesAsText("type")).contains("PaymentCheckRequested");
        chromium.assertNoHorizontalScroll();
        chromium.screenshot("4-order-delivered");
    }

    @Test
    void languageSwitchShowsChineseAndVietnameseAndTheChoiceSurvivesAReload() {
        Product product = shop.pooledProduct("4.00", Shop.keys(1));
        ChromeDriver page = openBrowser();
        WebDriverWait wait = chromium.patiently();

        page.get(url("/"));
        WebElement card = wait.until(visibilityOfElementLocated(productCard(product)));
        assertThat(heading(page)).isEqualTo("Digital card keys");

        new Select(page.findElement(By.id("language"))).selectByValue("zh-CN");
        wait.until(d -> heading(d).equals("数字卡密"));
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(card.findElement(By.cssSelector("button.buy")).getText()).isEqualTo("购买");

        // the switch is an ordinary select: the keyboard alone moves it on to the next language
        page.findElement(By.id("language")).sendKeys(Keys.ARROW_DOWN);
        wait.until(d -> heading(d).equals("Mã thẻ kỹ thuật số"));
        assertThat(card.findElement(By.cssSelector("button.buy")).getText()).isEqualTo("Mua");
        chromium.screenshot("5-storefront-vietnamese");

        page.navigate().refresh();
        wait.until(visibilityOfElementLocated(productCard(product)));
        wait.until(d -> heading(d).equals("Mã thẻ kỹ thuật số"));
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(new Select(page.findElement(By.id("language"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("vi");
    }

    @Test
    void orderPageWithAWrongLinkSaysTheOrderIsNotFound() {
        ChromeDriver page = openBrowser();

        page.get(url("/orders/" + UUID.randomUUID() + "?token=not-a-token"));

        WebElement notFound = chromium.patiently().until(visibilityOfElementLocated(By.id("not-found")));
        assertThat(notFound.getText()).contains("Order not found", "check your link");
        assertThat(page.findElement(By.id("order")).isDisplayed()).isFalse();
    }

    private ChromeDriver openBrowser() {
        chromium = HeadlessChromium.open(375, 812, true);
        return chromium.driver();
    }

    private static By productCard(Product product) {
        return By.cssSelector("[data-product-id='" + product.productId() + "']");
    }

    private static String heading(WebDriver page) {
        return page.findElement(By.tagName("h1")).getText();
    }

    }
