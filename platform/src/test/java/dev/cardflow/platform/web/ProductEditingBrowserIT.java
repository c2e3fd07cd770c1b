package dev.cardflow.platform.web;

import dev.cardflow.platform.support.BrowserTest;
import dev.cardflow.platform.support.HeadlessChromium;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop owner edits a product in the console — price, description, instructions, a volume price, the most keys
 * per order — and a buyer sees it in the shop and, once delivered, the instructions on the order page; then the
 * owner takes it off sale. Screenshots land in {@code target/screenshots/products-*.png}.
 */
@PlatformTest
class ProductEditingBrowserIT extends BrowserTest {

    @Test
    void ownerEditsAProductAndTheBuyerSeesItsNewTermsAndItsInstructionsOnceDelivered() {
        Product product = shop.pooledProduct("5.00", Shop.keys(6));
        chromium = HeadlessChromium.open(1360, 900, false);
        ChromeDriver page = chromium.driver();
        signInAsAdmin(page);
        WebDriverWait wait = chromium.patiently();

        page.get(url("/admin/#products"));
        By edit = By.cssSelector("[data-edit-product='" + product.productId() + "']");
        wait.until(ExpectedConditions.elementToBeClickable(edit)).click();
        wait.until(d -> d.findElement(By.id("product-dialog")).isDisplayed());
        assertThat(page.findElement(By.id("edit-name")).getDomProperty("value")).isEqualTo(product.name());
        replace(page, "edit-price", "6.00");
        page.findElement(By.id("edit-description")).sendKeys("A gift card for the whole family.");
        page.findElement(By.id("edit-instructions")).sendKeys("Redeem it at https://store.example/redeem.");
        replace(page, "edit-max", "4");
        page.findElement(By.id("edit-tier-add")).click();
        page.findElement(By.cssSelector("#edit-tiers .tier-quantity")).sendKeys("3");
        page.findElement(By.cssSelector("#edit-tiers .tier-price")).sendKeys("5.00");
        chromium.screenshot("products-1-edit-dialog");
        page.findElement(By.id("product-dialog-save")).click();
        wait.until(d -> d.findElement(By.id("product-outcome")).getText().startsWith("Saved " + product.name()));

        JsonNode edited = await().atMost(Shop.PATIENCE).until(() -> adminProduct(product.productId()),
                p -> p.get("price").asText().equals("6.00"));
        assertThat(edited.get("description").asText()).isEqualTo("A gift card for the whole family.");
        assertThat(edited.get("instructions").asText()).isEqualTo("Redeem it at https://store.example/redeem.");
        assertThat(edited.get("maxPerOrder").asInt()).isEqualTo(4);
        assertThat(edited.get("priceTiers").get(0).get("minQuantity").asInt()).isEqualTo(3);
        assertThat(edited.get("priceTiers").get(0).get("price").asText()).isEqualTo("5.00");
        chromium.screenshot("products-2-edited");

        // the buyer's pages send their own Authorization (the order's token): no operator's credentials there
        signOut(page);
        page.get(url("/"));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-product-id='" + product.productId() + "']")));
        assertThat(card.findElement(By.cssSelector(".description")).getText())
                .isEqualTo("A gift card for the whole family.");
        assertThat(card.findElement(By.cssSelector(".tiers")).getText()).contains("5.00").contains("3");
        assertThat(card.getText()).doesNotContain("store.example");
        card.findElement(By.cssSelector("button.buy")).click();
        Select quantity = new Select(card.findElement(By.cssSelector("select[name=quantity]")));
        assertThat(quantity.getOptions()).hasSize(4);
        quantity.selectByValue("3");
        wait.until(d -> card.findElement(By.cssSelector(".total")).getText().contains("15.00"));
        chromium.screenshot("products-3-storefront");

        PlacedOrder order = shop.place(product.productId(), 3, Shop.email());
        assertThat(shop.awaitStatus(order, "PENDING_PAYMENT").get("amount").asText()).isEqualTo("15.00");
        page.get(url("/orders/" + order.orderId() + "?token=" + order.accessToken()));
        wait.until(d -> "PENDING_PAYMENT".equals(d.findElement(By.id("panel")).getDomAttribute("data-status")));
        assertThat(page.findElements(By.cssSelector("[data-instructions]"))).isEmpty();
        shop.pay(shop.order(order).get("payment").get("paymentId").asText());
        WebElement instructions = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-instructions]")));
        assertThat(instructions.getText()).isEqualTo("Redeem it at https://store.example/redeem.");
        chromium.screenshot("products-4-order-instructions");

        signInAsAdmin(page);
        page.get(url("/admin/#products"));
        wait.until(ExpectedConditions.elementToBeClickable(edit)).click();
        wait.until(d -> d.findElement(By.id("product-dialog")).isDisplayed());
        WebElement onSale = page.findElement(By.id("edit-enabled"));
        assertThat(onSale.isSelected()).isTrue();
        onSale.click();
        page.findElement(By.id("product-dialog-save")).click();
        By badge = By.cssSelector("tr[data-product-id='" + product.productId() + "'] [data-badge=disabled]");
        new WebDriverWait(page, HeadlessChromium.PATIENCE, Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(badge).isEmpty() && d.findElement(badge).getText().contains("Not on sale"));
        chromium.screenshot("products-5-off-sale");
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == -1);
    }

    private static void replace(ChromeDriver page, String id, String value) {
        WebElement field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private JsonNode adminProduct(String productId) {
        JsonNode products = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/products")
                        .accept(MediaType.APPLICATION_JSON)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode p : products) {
            if (p.get("productId").asText().equals(productId)) {
                return p;
            }
        }
        throw new AssertionError("no product " + productId);
    }

    /** Basic credentials as a header on every request (not in the URL: fetch() refuses URLs with credentials). */
    private static void signInAsAdmin(ChromeDriver page) {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + Shop.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        page.executeCdpCommand("Network.enable", Map.of());
        page.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
    }

    private static void signOut(ChromeDriver page) {
        page.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }
}
