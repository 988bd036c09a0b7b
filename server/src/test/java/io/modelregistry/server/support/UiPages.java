package io.modelregistry.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI of one running registry as a browser user sees it: navigation, sign-in, waiting, checks. */
public final class UiPages implements AutoCloseable {

    private static final Path SHOTS = Path.of("target", "ui-screenshots");

    private final String base;
    private final Browser browser;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public UiPages(String base) throws IOException {
        this.base = base;
        this.browser = new Browser();
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // Counts the page's requests from its first script on, so a test can wait until a view has loaded.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__uiPending = 0; const __fetch = window.fetch; window.fetch = (...a) => {"
                        + " window.__uiPending++; return __fetch(...a).finally(() => window.__uiPending--); };"));
    }

    public Browser browser() {
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Goes to a view by its hash: a page load the first time, an in-app navigation after that. */
    public void open(String hash) {
        if (driver.getCurrentUrl().startsWith(base)) {
            driver.executeScript("location.hash = arguments[0]", hash);
        } else {
            driver.get(base + "/" + hash);
        }
        settle();
    }

    /** Waits until no request of the page has been in flight for 400 ms (views load in several reads). */
    public void settle() {
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Number pending = (Number) driver.executeScript("return window.__uiPending || 0");
            if (pending.intValue() > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofMillis(400).toNanos()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void signOut() {
        if (!driver.getCurrentUrl().startsWith(base)) {
            driver.get(base + "/");
        }
        driver.executeScript("sessionStorage.clear()");
    }

    /** Fills the sign-in form shown now, by keyboard, and waits until the app has left it. */
    public void signIn() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(RegistryClient.ADMIN);
        driver.findElement(By.id("password")).sendKeys(RegistryClient.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("#/login"));
        settle();
    }

    public void ensureSignedIn() {
        if (!driver.getCurrentUrl().startsWith(base)) {
            driver.get(base + "/#/search");
        }
        if (driver.executeScript("return sessionStorage.getItem('registry.token')") == null) {
            open("#/login");
            signIn();
        }
    }

    public String h1() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1"))).getText();
    }

    public void assertAccessible(String state) {
        assertThat(browser.accessibilityViolations()).as("axe-core WCAG 2.1 A/AA on " + state).isEmpty();
    }

    public void assertNoSidewaysScroll(String state) {
        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("sideways scrolling on " + state).isLessThanOrEqualTo(0);
    }

    public void shot(String name) {
        browser.screenshot(SHOTS.resolve(name + ".png"));
    }

    /** One part of the page (a panel below the fold that a whole-page shot, cut at 2400 px, would miss). */
    public void shot(String name, By part) {
        WebElement element = driver.findElement(part);
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
        try {
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
    }
}
