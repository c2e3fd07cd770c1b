package dev.cardflow.platform.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

/**
 * What every browser test of the pages shares: the running platform (the subclass is a {@link PlatformTest}), a
 * {@link Shop} to set up what the pages show, and at most one headless Chromium per test, closed after it.
 */
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    protected Shop shop;
    protected HeadlessChromium chromium;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A page of the platform, by its path. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
