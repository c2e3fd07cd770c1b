package dev.cardflow.platform.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: Selenium Manager is never
 * asked, so no tool downloads a browser. One per test; closing it quits the browser and removes
 * its fresh profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Generous: the machine is small and other tests may run beside a browser test. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * A browser with a window of {@code width} × {@code height}; {@code phone} emulates a phone's
     * screen, since headless Chromium keeps its window at least 500 px wide.
     */
    public static HeadlessChromium open(int width, int height, boolean phone) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("The browser tests drive Debian's Chromium and its driver, expected at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install them with `apt-get install chromium chromium-driver` "
                    + "(CI does, see .ci/run).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("cardflow-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a browser profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile,
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        if (phone) {
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to {@link #PATIENCE}; pages redraw what they poll, so a stale element is looked up again. */
    public WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public void assertNoHorizontalScroll() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as(() -> "horizontal overflow in px, by " + widest())
                .isLessThanOrEqualTo(0);
    }

    /** The visible elements reaching furthest past the window's right edge: what to fix when a page overflows. */
    private Object widest() {
        return ((JavascriptExecutor) driver).executeScript(
                "const width = document.documentElement.clientWidth;"
                + "return [...document.querySelectorAll('body *')]"
                + ".map(e => ({ e, right: e.getBoundingClientRect().right }))"
                + ".filter(x => x.right > width + 0.5 && x.e.offsetParent !== null)"
                + ".sort((a, b) => b.right - a.right).slice(0, 6)"
                + ".map(x => x.e.tagName.toLowerCase() + (x.e.id ? '#' + x.e.id : '')"
                + " + (typeof x.e.className === 'string' && x.e.className ? '.' + x.e.className.trim().split(/ +/).join('.') : '')"
                + " + ' right=' + Math.round(x.right));");
    }

    /** The whole page, not just the window, as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        byte[] png;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics",
                    Map.of()).get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue());
            String data = (String) driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
            png = Base64.getDecoder().decode(data);
        } catch (RuntimeException e) {
            png = driver.getScreenshotAs(OutputType.BYTES);
        }
        save(name, png);
    }

    /** What the window shows (a modal dialog's backdrop covers the window only). */
    public void windowScreenshot(String name) {
        save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
