package io.modelregistry.server.ui;

import static io.modelregistry.server.support.RegistryClient.ingestBody;
import static io.modelregistry.server.support.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.command.upload.TestZips;
import io.modelregistry.command.weights.PickleBytes;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.Browser;
import io.modelregistry.server.support.ModelUploads;
import io.modelregistry.server.support.RegistryClient;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.UiPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser against the packaged jar and the fake hub, as a person would use it: every
 * view checked with axe-core (WCAG 2.1 A/AA), at 320 px, by keyboard, and each bug the old UI had.
 * Screenshots of every view land in target/ui-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

    private static final int SYNTHETIC_MODELS = 22;
    private static final String LONG_NAME = "a-model-name-that-goes-on-and-on-for-ninety-six-characters-to-check-that-the-page-does-not-widen";

    private FakeHub hub;
    private RegistryProcess registry;
    private UiPages ui;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private RegistryClient client;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String base;

    @BeforeAll
    void start() throws Exception {
        assertThat(LONG_NAME).hasSize(96);
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        Path work = RegistryProcess.tempDir("registry-ui");
        hub = FakeHub.start();
        registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "advisory"));
        registry.start();
        base = registry.baseUrl();
        client = new RegistryClient(base, exchange -> { });
        assertThat(client.loginAsAdmin().status()).isEqualTo(200);
        register("model", "bert", "https://huggingface.co/google-bert/bert-base-uncased");
        register("model", "distilbert", "https://huggingface.co/distilbert/distilbert-base-uncased");
        register("model", "sst2", "https://huggingface.co/distilbert/distilbert-base-uncased-finetuned-sst-2-english");
        register("model", "whisper", "https://huggingface.co/openai/whisper-tiny/tree/main");
        register("dataset", "bookcorpus", "https://huggingface.co/datasets/bookcorpus/bookcorpus");
        register("code", "whisper-code", "https://github.com/openai/whisper");
        register("model", "long", "https://huggingface.co/synthetic/" + LONG_NAME);
        for (int i = 0; i < SYNTHETIC_MODELS; i++) {
            register("model", "synthetic-" + i, "https://huggingface.co/synthetic/ui-model-" + String.format("%03d", i));
        }
        ui = new UiPages(base);
        browser = ui.browser();
        driver = ui.driver();
        wait = ui.waiting();
    }

    private void register(String type, String key, String url) {
        var created = client.post("/artifact/" + type, ingestBody(url));
        assertThat(created.status()).as(url).isEqualTo(201);
        ids.put(key, json(created).at("/metadata/id").asText());
    }

    @AfterAll
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @BeforeEach
    void desktop() {
        browser.viewport(1280, 900, false);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private void open(String hash) {
        ui.open(hash);
    }

    private void settle() {
        ui.settle();
    }

    private void signOutInBrowser() {
        ui.signOut();
    }

    private void signIn() {
        ui.signIn();
    }

    private void ensureSignedIn() {
        ui.ensureSignedIn();
    }

    private String h1() {
        return ui.h1();
    }

    private void assertAccessible(String state) {
        ui.assertAccessible(state);
    }

    private void assertNoSidewaysScroll(String state) {
        ui.assertNoSidewaysScroll(state);
    }

    private void shot(String name) {
        ui.shot(name);
    }

    private List<String> resultNames() {
        return driver.findElements(By.cssSelector(".result-name")).stream().map(WebElement::getText).toList();
    }

    private String status() {
        return driver.findElement(By.id("search-status")).getText();
    }

    // --- the bugs the first UI had -------------------------------------------------------------------

    @Test
    @Order(1)
    void signOutIsHiddenWhileSignedOutAndShownOnceSignedIn() {
        driver.get(base + "/");
        signOutInBrowser();
        open("#/login");
        assertThat(h1()).isEqualTo("Sign in");
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();
        shot("login");
        assertAccessible("sign-in");
        signIn();
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> d.getCurrentUrl().contains("#/login"));
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void aDeepLinkOpenedWhileSignedOutLeadsBackThereAfterSignIn() {
        signOutInBrowser();
        String deepLink = "#/artifact/model/" + ids.get("bert");
        driver.get(base + "/" + deepLink);
        wait.until(d -> d.getCurrentUrl().contains("#/login"));
        assertThat(h1()).isEqualTo("Sign in");
        signIn();
        assertThat(driver.getCurrentUrl()).endsWith(deepLink);
        wait.until(d -> h1().equals("bert-base-uncased"));
    }

    @Test
    @Order(3)
    void pagesNeverRepeatAnArtifactAndTheLastPageOffersNoNext() {
        ensureSignedIn();
        open("#/search");
        int total = json(client.post("/artifacts", "[{\"name\":\"*\"}]")).size();
        assertThat(total).isGreaterThan(20);
        assertThat(status()).startsWith(total + " artifacts");
        List<String> seen = new ArrayList<>(resultNames());
        assertThat(seen).hasSize(20);
        shot("search");
        assertAccessible("search results");
        driver.findElement(By.cssSelector(".pager a[rel=next]")).click();
        settle();
        wait.until(d -> d.getCurrentUrl().contains("page=2"));
        seen.addAll(resultNames());
        assertThat(driver.findElements(By.cssSelector(".pager a[rel=next]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".pager a[rel=prev]"))).hasSize(1);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertAccessible("search results, last page");
        browser.viewport(1280, 900, true);
        settle();
        assertAccessible("search results in dark mode");
        shot("search-dark");
        browser.viewport(1280, 900, false);
        // the page is in the address: reloading shows the same page
        driver.navigate().refresh();
        settle();
        assertThat(resultNames()).containsExactlyElementsOf(seen.subList(20, total));
    }

    @Test
    @Order(4)
    void withNoTypeTickedNameAndRegexSearchBothListEveryType() {
        ensureSignedIn();
        open("#/search?mode=regex&q=.");
        Set<String> types = new HashSet<>();
        driver.findElements(By.cssSelector(".result .badge")).forEach(b -> types.add(b.getText()));
        assertThat(status()).startsWith(ids.size() + " artifacts");
        open("#/search?mode=regex&q=.&page=2");
        driver.findElements(By.cssSelector(".result .badge")).forEach(b -> types.add(b.getText()));
        assertThat(types).contains("Model", "Dataset", "Code");
        open("#/search?mode=regex&q=whisper");
        assertThat(resultNames()).contains("whisper-tiny", "openai-whisper");
        open("#/search?mode=name&q=openai-whisper");
        assertThat(resultNames()).containsExactly("openai-whisper");
        open("#/search?mode=regex&q=whisper&types=code");
        assertThat(resultNames()).containsExactly("openai-whisper");
    }

    @Test
    @Order(5)
    void theSkipLinkMovesFocusToTheContentWithoutLeavingTheView() {
        ensureSignedIn();
        String hash = "#/artifact/model/" + ids.get("distilbert");
        open(hash);
        driver.navigate().refresh(); // a fresh load, as from a bookmark
        settle();
        String title = driver.getTitle();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        settle();
        assertThat(driver.getCurrentUrl()).endsWith(hash);
        assertThat(driver.getTitle()).isEqualTo(title);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        assertThat(h1()).isEqualTo("distilbert-base-uncased");
    }

    @Test
    @Order(6)
    void anUnknownIdSaysNotFoundAndShowsNothingOfThePreviousArtifact() {
        ensureSignedIn();
        open("#/artifact/model/" + ids.get("bert"));
        wait.until(d -> h1().equals("bert-base-uncased"));
        open("#/artifact/model/999999999999999999");
        assertThat(h1()).isEqualTo("Artifact not found");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("bert-base-uncased").contains("999999999999999999");
        assertThat(driver.getTitle()).startsWith("Artifact not found");
        assertAccessible("artifact not found");
    }

    @Test
    @Order(7)
    void aDownloadShowsInTheAuditTrailWithoutAReload() {
        ensureSignedIn();
        open("#/artifact/code/" + ids.get("whisper-code"));
        int before = driver.findElements(By.cssSelector("#audit tr[data-action=DOWNLOAD]")).size();
        Object page = driver.executeScript("window.__samePage = true; return 1");
        assertThat(page).isNotNull();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("download"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#audit tr[data-action=DOWNLOAD]")).size() == before + 1);
        assertThat(driver.executeScript("return window.__samePage === true")).isEqualTo(true);
        assertThat(driver.findElement(By.cssSelector("#audit tbody tr")).getText()).contains("Download").contains(RegistryClient.ADMIN);
    }

    @Test
    @Order(8)
    void aNinetySixCharacterNameWrapsInsteadOfWideningThePage() {
        ensureSignedIn();
        open("#/artifact/model/" + ids.get("long"));
        assertThat(h1()).isEqualTo(LONG_NAME);
        assertNoSidewaysScroll("the long-named artifact at 1280 px");
        browser.viewport(320, 800, false);
        settle();
        assertNoSidewaysScroll("the long-named artifact at 320 px");
        open("#/search?mode=partial&q=on-and-on");
        assertThat(resultNames()).containsExactly(LONG_NAME);
        assertNoSidewaysScroll("search results with the long name at 320 px");
    }

    @Test
    @Order(9)
    void everyViewHasItsOwnTitleAndMarksItsNavigationEntry() {
        ensureSignedIn();
        Map<String, String> titles = new LinkedHashMap<>();
        for (String hash : List.of("#/search", "#/search?q=bert-base-uncased", "#/artifact/model/" + ids.get("bert"),
                "#/add", "#/health", "#/admin", "#/users", "#/history")) {
            open(hash);
            h1();
            titles.put(hash, driver.getTitle());
        }
        assertThat(new HashSet<>(titles.values())).as(titles.toString()).hasSize(titles.size());
        assertThat(titles.get("#/artifact/model/" + ids.get("bert"))).isEqualTo("bert-base-uncased (model) · Model Registry");
        open("#/health");
        assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Health");
        open("#/artifact/model/" + ids.get("bert"));
        assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Browse");
        open("#/users");
        assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Users");
        open("#/history?user=" + RegistryClient.ADMIN);
        assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Downloads");
    }

    // --- the flows -----------------------------------------------------------------------------------

    @Test
    @Order(10)
    void searchResultsShowTypeScoreVettingSizeAgeAndDownloads() {
        ensureSignedIn();
        open("#/search?q=bert-base-uncased");
        WebElement result = driver.findElement(By.cssSelector(".result"));
        String text = result.getText();
        assertThat(text).contains("bert-base-uncased", "Model", "Net score", "%", "vetted", "GB", "ago", "Downloads");
        assertThat(result.findElements(By.tagName("meter"))).hasSize(1);
        open("#/search?sort=score");
        assertThat(resultNames().get(0)).isEqualTo("bert-base-uncased");
        open("#/search?mode=regex&q=bookcorpus");
        assertThat(driver.findElement(By.cssSelector(".results, #results")).getText()).contains("name matched", "card matched");
    }

    @Test
    @Order(11)
    void theArtifactPageShowsTheSanitisedCardRatingReasonsAndCost() {
        ensureSignedIn();
        open("#/artifact/model/" + ids.get("bert"));
        assertThat(driver.findElement(By.cssSelector("[aria-labelledby=trust-title]")).getText())
                .contains("Vetted", "Net score", "Licence clarity and permissiveness", "apache-2.0");
        assertThat(driver.findElements(By.cssSelector(".metrics tbody tr"))).hasSizeGreaterThanOrEqualTo(11);
        assertThat(driver.findElement(By.cssSelector(".metrics tr[data-metric=license]")).getText())
                .as("each metric says whether it was measured, beside its reason").contains("measured", "apache-2.0");
        assertThat(driver.findElement(By.cssSelector("[aria-labelledby=cost-title]")).getText()).contains("GB");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".markdown")));
        assertThat(card.getText()).contains("BERT");
        wait.until(d -> !d.findElements(By.cssSelector("#audit tbody tr")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#audit tr[data-action=DOWNLOAD]")))
                .as("showing the card is not a download").isEmpty();
        assertThat(card.findElements(By.cssSelector("script, iframe, style, [onerror], [onclick]"))).isEmpty();
        // Behind the sanitiser, the page's content security policy stops any inline script that got in.
        driver.executeScript("const s = document.createElement('script'); s.textContent = 'window.__injected = true;';"
                + " document.querySelector('.markdown').append(s);");
        assertThat(driver.executeScript("return window.__injected === true")).isEqualTo(false);
        assertThat(driver.findElement(By.cssSelector("[data-fact=licence] dd")).getText()).isEqualTo("apache-2.0");
        assertThat(driver.findElement(By.cssSelector("[data-fact=task] dd")).getText()).isEqualTo("fill-mask");
        shot("artifact");
        assertAccessible("artifact page with the card shown");
        browser.viewport(1280, 900, true);
        settle();
        shot("artifact-dark");
        assertAccessible("artifact page in dark mode");
    }

    @Test
    @Order(12)
    void theLineageIsADrawnGraphWhoseNodesAreLinks() {
        ensureSignedIn();
        open("#/artifact/model/" + ids.get("distilbert"));
        List<WebElement> links = driver.findElements(By.cssSelector(".lineage-svg a"));
        assertThat(links).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector(".lineage-svg")).getAttribute("aria-label")).contains("table below");
        WebElement toBert = driver.findElement(By.cssSelector(".lineage-svg a[href$='" + ids.get("bert") + "']"));
        driver.executeScript("arguments[0].focus()", toBert);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        settle();
        wait.until(d -> h1().equals("bert-base-uncased"));
    }

    @Test
    @Order(13)
    void theLicenceCheckExplainsItsVerdict() {
        ensureSignedIn();
        open("#/artifact/model/" + ids.get("bert"));
        WebElement url = driver.findElement(By.id("licence-url"));
        url.sendKeys("https://github.com/comfyanonymous/ComfyUI", Keys.ENTER);
        settle();
        String result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".licence-result .verdict"))).getText();
        assertThat(result).contains("Apache License 2.0").contains("GNU General Public License");
        assertThat(driver.findElements(By.cssSelector(".licence-result .reasons li"))).isNotEmpty();
        assertAccessible("licence check result");
    }

    @Test
    @Order(14)
    void addingByUrlReportsTheNewArtifactAndItsScore() {
        ensureSignedIn();
        open("#/add");
        shot("add");
        assertAccessible("add form");
        driver.findElement(By.id("add-url")).sendKeys("https://huggingface.co/parvk11/audience_classifier_model", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("add-result")).getText().contains("Net score"));
        assertThat(driver.findElement(By.id("add-result")).getText()).contains("audience_classifier_model", "Net score");
        driver.findElement(By.id("add-url")).sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.id("add-result")).getText().contains("registered already"));
        assertAccessible("add result");
    }

    @Test
    @Order(15)
    void updateRateAgainAndDeleteWithConfirmation() {
        ensureSignedIn();
        open("#/artifact/model/" + ids.get("synthetic-0"));
        driver.findElement(By.xpath("//button[.='Update from source']")).click();
        wait.until(d -> d.findElement(By.id("action-status")).getText().startsWith("Updated"));
        driver.findElement(By.xpath("//button[.='Rate again']")).click();
        wait.until(d -> d.findElement(By.id("action-status")).getText().startsWith("Rated again"));
        settle();
        driver.findElement(By.xpath("//button[.='Delete…']")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertAccessible("delete confirmation");
        dialog.findElement(By.xpath(".//button[.='Keep it']")).click();
        assertThat(driver.findElements(By.cssSelector("dialog[open]"))).isEmpty();
        assertThat(client.get("/artifacts/model/" + ids.get("synthetic-0")).status()).isEqualTo(200);
        driver.findElement(By.xpath("//button[.='Delete…']")).click();
        driver.findElement(By.xpath("//dialog//button[.='Delete for good']")).click();
        wait.until(d -> d.getCurrentUrl().contains("#/search"));
        assertThat(client.get("/artifacts/model/" + ids.get("synthetic-0")).status()).isEqualTo(404);
        settle();
        assertThat(resultNames()).doesNotContain("ui-model-000");
    }

    @Test
    @Order(16)
    void theHealthDashboardChartsTrafficWithATableAndCanPause() {
        signOutInBrowser();
        open("#/health");
        assertThat(h1()).isEqualTo("Registry health");
        assertThat(driver.findElement(By.cssSelector(".overall")).getText()).contains("components of");
        assertThat(driver.findElements(By.cssSelector(".component"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(driver.findElement(By.cssSelector("canvas")).getAttribute("aria-label")).contains("table below");
        assertThat(driver.findElements(By.cssSelector("[aria-labelledby=traffic-title] tbody tr"))).hasSizeGreaterThan(50);
        wait.until(d -> d.findElements(By.cssSelector("[aria-labelledby=errors-title] tbody tr")).size() == 60);
        assertThat(driver.findElements(By.cssSelector("[aria-labelledby=activity-title] tbody tr"))).hasSize(60);
        assertThat(driver.findElements(By.cssSelector("[aria-labelledby=errors-title] thead th")))
                .extracting(th -> th.getAttribute("textContent")).contains("Server errors (5xx)", "p95 latency (ms)");
        assertThat(driver.findElements(By.cssSelector("[aria-labelledby=activity-title] canvas"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("[aria-labelledby=logs-title]")).isDisplayed())
                .as("the log is for administrators only").isFalse();
        WebElement pause = driver.findElement(By.id("health-pause"));
        pause.click();
        assertThat(pause.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(pause.getText()).isEqualTo("Resume updates");
        shot("health");
        assertAccessible("health dashboard");
        browser.viewport(1280, 900, true);
        assertAccessible("health dashboard in dark mode");
    }

    @Test
    @Order(17)
    void everyViewPassesAxeAndReflowsAt320PixelsWithoutSidewaysScrolling() {
        ensureSignedIn();
        browser.viewport(320, 800, false);
        Map<String, String> views = new LinkedHashMap<>();
        views.put("search-320", "#/search");
        views.put("artifact-320", "#/artifact/model/" + ids.get("sst2"));
        views.put("dataset-320", "#/artifact/dataset/" + ids.get("bookcorpus"));
        views.put("add-320", "#/add");
        views.put("health-320", "#/health");
        views.put("admin-320", "#/admin");
        views.put("users-320", "#/users");
        views.put("history-320", "#/history");
        for (var view : views.entrySet()) {
            open(view.getValue());
            h1();
            assertNoSidewaysScroll(view.getKey());
            assertAccessible(view.getKey());
            shot(view.getKey());
        }
        signOutInBrowser();
        open("#/login");
        assertNoSidewaysScroll("sign-in at 320 px");
        assertAccessible("sign-in at 320 px");
    }

    @Test
    @Order(18)
    void everyViewCanBeWalkedByKeyboardWithVisibleFocus() {
        ensureSignedIn();
        for (String hash : List.of("#/search", "#/artifact/model/" + ids.get("bert"), "#/add", "#/health", "#/admin",
                "#/users", "#/history")) {
            open(hash);
            driver.navigate().refresh(); // from the top of a fresh load: header, then the view
            settle();
            h1();
            Set<String> reached = new HashSet<>();
            boolean mainReached = false;
            for (int i = 0; i < 80; i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
                @SuppressWarnings("unchecked")
                Map<String, Object> focus = (Map<String, Object>) driver.executeScript(
                        "const e = document.activeElement; const s = getComputedStyle(e); const r = e.getBoundingClientRect();"
                                + "return {tag: e.tagName, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').slice(0, 40),"
                                + " outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, visible: r.width > 0 && r.height > 0,"
                                + " inMain: !!e.closest('main'), key: e.tagName + '#' + Array.prototype.indexOf.call(document.querySelectorAll('*'), e)}");
                if ("BODY".equals(focus.get("tag")) || reached.contains((String) focus.get("key"))) {
                    break; // out of the page, or round again: the walk is complete
                }
                assertThat(focus.get("visible")).as("focused element is visible on " + hash + ": " + focus).isEqualTo(true);
                assertThat(focus.get("outline")).as("focus is visible on " + hash + ": " + focus).isEqualTo(true);
                reached.add((String) focus.get("key"));
                mainReached |= Boolean.TRUE.equals(focus.get("inMain"));
            }
            assertThat(mainReached).as("Tab reaches the content of " + hash).isTrue();
            assertThat(reached.size()).as("distinct stops on " + hash).isGreaterThan(5);
        }
    }

    // --- users, sensitive models, the download history, version ranges --------------------------------

    private static final String ALICE = "ui-alice";
    private static final String ALICE_PASSWORD = "a-password-for-alice-1";

    private void signInAs(String name, String password) {
        signOutInBrowser();
        open("#/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("#/login"));
        settle();
    }

    private List<String> historyPositions() {
        return driver.findElements(By.cssSelector("#history-results tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-position")).toList();
    }

    private JsonNode usersFromApi() {
        return json(client.get("/users"));
    }

    private JsonNode userFromApi(String name) {
        for (JsonNode user : usersFromApi()) {
            if (user.get("name").asText().equals(name)) {
                return user;
            }
        }
        return null;
    }

    @Test
    @Order(21)
    void anAdministratorRegistersChangesAndRemovesAUserWithConfirmation() {
        ensureSignedIn();
        open("#/search");
        WebElement usersLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[data-nav=users]")));
        usersLink.click();
        settle();
        assertThat(h1()).isEqualTo("Users");
        assertThat(driver.getTitle()).isEqualTo("Users · Model Registry");
        wait.until(d -> !d.findElements(By.cssSelector("#users-table tr[data-user='" + RegistryClient.ADMIN + "']")).isEmpty());
        shot("users");
        assertAccessible("users");

        driver.findElement(By.id("new-user-name")).sendKeys(ALICE);
        driver.findElement(By.id("new-user-password")).sendKeys("short", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("new-user-error")).getText().contains("12 to 256 characters"));
        assertThat(userFromApi(ALICE)).as("nothing is sent for a password the API would refuse").isNull();
        assertAccessible("users with a refused new user");
        WebElement password = driver.findElement(By.id("new-user-password"));
        password.clear();
        password.sendKeys(ALICE_PASSWORD);
        driver.findElement(By.id("new-user-upload")).click();
        driver.findElement(By.xpath("//button[.='Register the user']")).click();
        wait.until(d -> d.findElement(By.id("users-status")).getText().startsWith("Registered " + ALICE));
        assertThat(driver.findElement(By.cssSelector("#users-table tr[data-user='" + ALICE + "']")).getText())
                .contains("search, download, upload");
        assertThat(userFromApi(ALICE).get("permissions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("search", "download", "upload");

        // the API's own message when it refuses: a second user of that name
        driver.findElement(By.id("new-user-name")).sendKeys(ALICE);
        driver.findElement(By.id("new-user-password")).sendKeys(ALICE_PASSWORD, Keys.ENTER);
        wait.until(d -> !d.findElement(By.id("new-user-error")).getText().isEmpty());
        assertThat(driver.findElement(By.id("new-user-error")).getText()).doesNotContain("HTTP").contains(ALICE);

        driver.findElement(By.cssSelector("button[aria-label='Change the permissions of " + ALICE + "']")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#edit-user-dialog[open]")));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("edit-user-search");
        dialog.findElement(By.id("edit-user-upload")).click();
        wait.until(d -> d.findElement(By.id("edit-user-warning")).getText().contains("loses upload"));
        assertAccessible("change permissions dialog");
        dialog.findElement(By.xpath(".//button[.='Save']")).click();
        wait.until(d -> d.findElement(By.id("users-status")).getText().startsWith("Changed " + ALICE));
        assertThat(userFromApi(ALICE).get("permissions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("search", "download");

        driver.findElement(By.cssSelector("button[aria-label='Remove " + ALICE + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#remove-user-dialog[open]")));
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Keep the user");
        assertAccessible("remove user confirmation");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(driver.findElements(By.cssSelector("dialog[open]"))).isEmpty();
        assertThat(userFromApi(ALICE)).isNotNull();
        driver.findElement(By.cssSelector("button[aria-label='Remove " + ALICE + "']")).click();
        driver.findElement(By.xpath("//dialog//button[.='Remove for good']")).click();
        wait.until(d -> d.findElement(By.id("users-status")).getText().startsWith("Removed " + ALICE));
        assertThat(driver.findElements(By.cssSelector("#users-table tr[data-user='" + ALICE + "']"))).isEmpty();
        assertThat(userFromApi(ALICE)).isNull();

        // the last administrator cannot be removed: the API says why
        driver.findElement(By.cssSelector("button[aria-label='Remove " + RegistryClient.ADMIN + "']")).click();
        driver.findElement(By.xpath("//dialog//button[.='Remove for good']")).click();
        wait.until(d -> !d.findElement(By.id("remove-user-error")).getText().isEmpty());
        assertThat(driver.findElement(By.id("remove-user-error")).getText()).doesNotContain("HTTP");
        driver.findElement(By.xpath("//dialog//button[.='Keep the user']")).click();
        assertThat(userFromApi(RegistryClient.ADMIN)).isNotNull();
    }

    @Test
    @Order(22)
    void someoneWhoIsNotAnAdministratorGetsNoUsersLinkAndSeesOnlyTheirOwnDownloads() {
        client.loginAsAdmin();
        assertThat(client.post("/users", "{\"user\":{\"name\":\"ui-bob\",\"is_admin\":false},"
                + "\"secret\":{\"password\":\"a-password-for-bob-22\"},\"permissions\":[\"search\",\"download\"]}").status())
                .isEqualTo(201);
        signInAs("ui-bob", "a-password-for-bob-22");
        settle();
        assertThat(driver.findElement(By.id("nav-users")).isDisplayed()).isFalse();
        open("#/users");
        assertThat(driver.findElement(By.id("users-not-admin")).getText()).contains("ui-bob");
        open("#/artifact/model/" + ids.get("distilbert"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("download"))).click();
        wait.until(d -> !d.findElements(By.cssSelector("#artifact-downloads tbody tr")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#artifact-downloads tbody tr")))
                .allSatisfy(tr -> assertThat(tr.getText()).contains("ui-bob"));
        assertThat(driver.findElement(By.id("sensitivity-not-permitted")).getText()).contains("upload permission");
        open("#/history");
        assertThat(driver.findElement(By.id("history-user-help")).getText()).contains("your own downloads only");
        assertThat(driver.findElements(By.cssSelector("#history-results tbody tr"))).hasSize(1)
                .allSatisfy(tr -> assertThat(tr.getText()).contains("ui-bob", "distilbert-base-uncased"));
        assertAccessible("download history of someone who is not an administrator");
        signOutInBrowser();
        open("#/login");
        signIn();
    }

    @Test
    @Order(23)
    void aSensitiveModelsRefusedDownloadSaysWhatTheMonitorPrintedAndShowsInItsHistory() {
        ensureSignedIn();
        String hash = "#/artifact/model/" + ids.get("sst2");
        open(hash);
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sensitivity-verdict")));
        assertThat(verdict.getText()).startsWith("Not sensitive");
        WebElement source = driver.findElement(By.id("monitor-source"));
        source.sendKeys("console.log('no downloads of ' + process.argv[2] + ' for ' + process.argv[4]);\nprocess.exit(3);\n");
        driver.findElement(By.id("mark-sensitive")).click();
        wait.until(d -> d.findElement(By.id("sensitivity-status")).getText().startsWith("Marked sensitive"));
        assertThat(driver.findElement(By.id("sensitivity-verdict")).getText()).startsWith("Sensitive");
        assertThat(driver.findElement(By.id("monitor-facts")).getText()).contains(RegistryClient.ADMIN, "Attached");
        assertThat(driver.findElement(By.cssSelector("#monitor-facts time")).getAttribute("title")).endsWith("UTC");
        JsonNode sensitivity = json(client.get("/artifact/model/" + ids.get("sst2") + "/sensitive"));
        assertThat(sensitivity.get("sensitive").asBoolean()).isTrue();
        assertThat(sensitivity.at("/monitor/sha256").asText()).hasSize(64);
        assertAccessible("a sensitive model");

        int before = driver.findElements(By.cssSelector("#artifact-downloads tbody tr")).size();
        driver.findElement(By.id("download")).click();
        wait.until(d -> d.findElement(By.id("download-status")).getText().contains("was refused"));
        assertThat(driver.findElement(By.id("download-status")).getText())
                .contains("distilbert-base-uncased-finetuned-sst-2-english", "exited with code 3",
                        "no downloads of distilbert-base-uncased-finetuned-sst-2-english for " + RegistryClient.ADMIN);
        wait.until(d -> d.findElements(By.cssSelector("#artifact-downloads tbody tr")).size() == before + 1);
        WebElement refused = driver.findElement(By.cssSelector("#artifact-downloads tbody tr"));
        assertThat(refused.getAttribute("data-allowed")).isEqualTo("false");
        assertThat(refused.getText()).contains("Refused by the monitor program (exit code 3)", "no downloads of");
        shot("sensitive");
        ui.shot("sensitive-panel", By.cssSelector("[aria-labelledby=sensitivity-title]"));
        ui.shot("sensitive-downloads", By.cssSelector("[aria-labelledby=downloads-title]"));
        assertAccessible("a refused download of a sensitive model");

        // the program is read back as attached, and clearing the mark lets downloads through again
        driver.navigate().refresh();
        settle();
        wait.until(d -> d.findElement(By.id("monitor-source")).getAttribute("value").contains("process.exit(3)"));
        driver.findElement(By.id("unmark-sensitive")).click();
        // the panel is drawn again when the answer arrives: an element found just before that goes stale
        ui.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("sensitivity-verdict")).getText().startsWith("Not sensitive"));
        assertThat(json(client.get("/artifact/model/" + ids.get("sst2") + "/sensitive")).get("sensitive").asBoolean()).isFalse();
        driver.findElement(By.id("download")).click();
        wait.until(d -> d.findElement(By.id("download-status")).getText().startsWith("Downloaded"));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("#artifact-downloads tbody tr")).getAttribute("data-allowed")));
        browser.viewport(320, 800, false);
        settle();
        assertNoSidewaysScroll("a model's sensitivity and download history at 320 px");
    }

    @Test
    @Order(24)
    void theDownloadHistoryPagesWithoutRepeatsAndKeepsFiltersAndPageInTheAddress() {
        ensureSignedIn();
        String link = json(client.get("/artifacts/dataset/" + ids.get("bookcorpus"))).at("/data/download_url").asText();
        String url = link.startsWith("http") ? link : base + link;
        for (int i = 0; i < 41; i++) {
            assertThat(client.fetchAbsolute(url).status()).isEqualTo(200);
        }
        int total = json(client.get("/downloads/history", "limit=500")).get("entries").size();
        assertThat(total).isGreaterThan(40);
        open("#/history");
        assertThat(h1()).isEqualTo("Download history");
        assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("Downloads");
        WebElement when = driver.findElement(By.cssSelector("#history-results tbody time"));
        assertThat(when.getText()).containsAnyOf("ago", "just now");
        assertThat(when.getAttribute("title")).endsWith("UTC");
        shot("history");
        assertAccessible("download history");
        List<String> seen = new ArrayList<>(historyPositions());
        List<String> firstPage = List.copyOf(seen);
        assertThat(firstPage).hasSize(20);
        while (!driver.findElements(By.cssSelector(".pager a[rel=next]")).isEmpty()) {
            driver.findElement(By.cssSelector(".pager a[rel=next]")).click();
            settle();
            wait.until(d -> d.getCurrentUrl().contains("before="));
            seen.addAll(historyPositions());
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        List<String> lastPage = historyPositions();
        driver.navigate().refresh(); // the page is in the address
        settle();
        assertThat(historyPositions()).containsExactlyElementsOf(lastPage);
        while (!driver.findElements(By.cssSelector(".pager a[rel=prev]")).isEmpty()) {
            driver.findElement(By.cssSelector(".pager a[rel=prev]")).click();
            settle();
        }
        assertThat(historyPositions()).containsExactlyElementsOf(firstPage);

        WebElement artifact = driver.findElement(By.id("history-artifact"));
        artifact.sendKeys(ids.get("bookcorpus"), Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("artifact=" + ids.get("bookcorpus")));
        settle();
        assertThat(driver.findElements(By.cssSelector("#history-results tbody tr"))).hasSize(20)
                .allSatisfy(tr -> assertThat(tr.getText()).contains("bookcorpus"));
        assertThat(driver.getTitle()).startsWith("Download history (filtered)");
        driver.findElement(By.id("history-user")).sendKeys("nobody-downloaded-anything", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("history-status")).getText().equals("No downloads match."));
        assertAccessible("download history with no match");
        browser.viewport(320, 800, false);
        open("#/history?artifact=" + ids.get("bookcorpus"));
        assertNoSidewaysScroll("download history at 320 px");
    }

    @Test
    @Order(25)
    void aVersionRangeInTheSearchFormFiltersAndStaysInTheAddress() {
        ensureSignedIn();
        open("#/search");
        int all = json(client.post("/artifacts", "[{\"name\":\"*\"}]")).size();
        int inRange = json(client.post("/artifacts", "[{\"name\":\"*\",\"version\":\"^1.0.0\"}]")).size();
        assertThat(inRange).isPositive();
        driver.findElement(By.id("version")).sendKeys("^1.0.0", Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("version=%5E1.0.0"));
        settle();
        assertThat(status()).startsWith(inRange + " artifact");
        driver.navigate().refresh();
        settle();
        assertThat(driver.findElement(By.id("version")).getAttribute("value")).isEqualTo("^1.0.0");
        assertThat(status()).startsWith(inRange + " artifact");
        open("#/search?mode=regex&q=bert&version=" + java.net.URLEncoder.encode("1.0.0-1.9.9", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(resultNames()).contains("bert-base-uncased");
        open("#/search?version=99.0.0-100.0.0");
        assertThat(status()).isEqualTo("Nothing matches.");
        open("#/search?version=not-a-version");
        assertThat(status()).doesNotContain("HTTP").isNotEmpty().isNotEqualTo("Nothing matches.");
        assertAccessible("search with a malformed version");
        assertThat(all).isGreaterThanOrEqualTo(inRange);
    }

    // --- uploads, new versions, the weights scan, licences in results, the workload ------------------

    private Path zipOnDisk(String name, Map<String, byte[]> files) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "ui-zips"));
        return Files.write(dir.resolve(name + ".zip"), TestZips.zip(files)).toAbsolutePath();
    }

    /** Records every state the element takes (shown or not, value, aria-valuetext) from now on, in the page. */
    private void recordBar(String id) {
        driver.executeScript("const bar = document.getElementById(arguments[0]); window.__bar = [];"
                + "new MutationObserver(() => window.__bar.push({hidden: bar.hidden, value: bar.getAttribute('value'),"
                + " text: bar.getAttribute('aria-valuetext')})).observe(bar, {attributes: true});", id);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> barStates() {
        return (List<Map<String, Object>>) driver.executeScript("return window.__bar");
    }

    @Test
    @Order(26)
    void searchResultsNameEachArtifactsLicence() {
        ensureSignedIn();
        open("#/search?mode=regex&q=bert&types=model");
        assertThat(resultNames()).contains("bert-base-uncased", "distilbert-base-uncased");
        By bert = By.cssSelector(".result[data-id='" + ids.get("bert") + "'] [data-fact=licence] dd");
        wait.until(d -> !d.findElement(bert).getText().equals("…"));
        assertThat(driver.findElement(bert).getText()).isEqualTo("apache-2.0");
        String licence = json(client.get("/artifacts/model/" + ids.get("distilbert") + "/card")).path("licence").asText();
        assertThat(licence).isNotBlank();
        assertThat(driver.findElement(By.cssSelector(".result[data-id='" + ids.get("distilbert") + "'] [data-fact=licence] dd"))
                .getText()).isEqualTo(licence);
        assertAccessible("search results with their licences");
    }

    @Test
    @Order(27)
    void anUploadedZipMovesTheProgressBarAndTheNewArtifactOpensFromTheResult() throws Exception {
        ensureSignedIn();
        Map<String, byte[]> files = TestZips.model("---\nlicense: mit\n---\n# UI upload\n\nUploaded through the web page.\n");
        byte[] weights = new byte[2_500_000];
        new java.util.Random(26).nextBytes(weights);
        files.put("model.safetensors", weights);
        Path zip = zipOnDisk("ui-uploaded-model", files);
        open("#/add");
        driver.findElement(By.id("upload-name")).sendKeys("ui-uploaded-model");
        driver.findElement(By.id("upload-file")).sendKeys(zip.toString());
        recordBar("upload-progress");
        // On loopback the bytes leave at once; at about 600 kB/s the bar has time to move, as on a real network.
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput(600_000);
        driver.setNetworkConditions(slow);
        try {
            driver.findElement(By.xpath("//button[.='Upload']")).click();
            WebElement bar = driver.findElement(By.id("upload-progress"));
            wait.until(d -> bar.isDisplayed() && bar.getAttribute("aria-valuetext") != null);
            assertAccessible("a zip upload in progress");
            assertThat(bar.isDisplayed()).as("axe saw the upload in flight").isTrue();
            wait.until(d -> d.findElement(By.id("upload-result")).getText().startsWith("Uploaded"));
        } finally {
            driver.deleteNetworkConditions();
        }
        List<Map<String, Object>> states = barStates();
        List<Integer> values = states.stream().filter(s -> Boolean.FALSE.equals(s.get("hidden")) && s.get("value") != null)
                .map(s -> Integer.parseInt((String) s.get("value"))).toList();
        assertThat(values).as(states.toString()).isSorted().contains(100).anyMatch(v -> v > 0 && v < 100);
        assertThat(states).as("the bar says how far in words too")
                .anyMatch(s -> String.valueOf(s.get("text")).matches("[1-9]\\d? % \\(\\d+\\.\\d of 2\\.\\d MB\\)"));
        assertThat(driver.findElement(By.id("upload-progress")).isDisplayed()).as("the bar goes when it is done").isFalse();
        assertThat(driver.findElement(By.id("upload-result")).getText()).contains("ui-uploaded-model", "version 1.0.0");
        assertAccessible("a finished zip upload");
        driver.findElement(By.cssSelector("#upload-result a")).click();
        settle();
        wait.until(d -> h1().equals("ui-uploaded-model"));
        assertThat(driver.findElement(By.cssSelector("[data-fact=Source] dd")).getText()).contains("private upload");
        wait.until(d -> d.findElement(By.cssSelector("[data-fact=licence] dd")).getText().equals("mit"));
        open("#/search?mode=partial&q=ui-uploaded");
        assertThat(resultNames()).containsExactly("ui-uploaded-model");
    }

    @Test
    @Order(28)
    void aNewVersionUploadedFromTheArtifactPageBecomesTheLatestShown() throws Exception {
        ensureSignedIn();
        String id = ModelUploads.model(client, "ui-versioned-model", "---\nlicense: mit\n---\n# Version one\n").id();
        Path zip = zipOnDisk("ui-versioned-model-1.1.0", TestZips.model("---\nlicense: mit\n---\n# Version two\n"));
        String hash = "#/artifact/model/" + id;
        open(hash);
        wait.until(d -> d.findElement(By.id("download-title")).getText().equals("Download version 1.0.0"));
        driver.findElement(By.id("new-version")).sendKeys("1.1.0");
        driver.findElement(By.id("new-version-file")).sendKeys(zip.toString());
        driver.findElement(By.xpath("//button[.='Upload the new version']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith(hash + "?version=1.1.0"));
        settle();
        wait.until(d -> d.findElement(By.id("download-title")).getText().equals("Download version 1.1.0"));
        WebElement versions = driver.findElement(By.cssSelector("[data-fact=versions] dd"));
        assertThat(versions.findElement(By.cssSelector("[aria-current=true]")).getText()).isEqualTo("1.1.0");
        assertThat(versions.findElement(By.xpath(".//li[strong[.='1.1.0']]")).getText()).contains("latest");
        assertThat(versions.findElement(By.xpath(".//a[.='1.0.0']")).getAttribute("href")).endsWith(hash + "?version=1.0.0");
        wait.until(d -> d.findElement(By.cssSelector(".markdown")).getText().contains("Version two"));
        JsonNode listed = json(client.get("/artifacts/model/" + id + "/versions"));
        assertThat(listed).extracting(v -> v.get("version").asText()).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertAccessible("an artifact page after a new version");
    }

    @Test
    @Order(29)
    void dangerousPickledWeightsAreShownTheirDownloadIsRefusedInWordsAndAnAdministratorMayAllowIt() throws Exception {
        ensureSignedIn();
        Map<String, byte[]> files = TestZips.model("---\nlicense: mit\n---\n# Evil tiny\n");
        files.put("pytorch_model.bin", PickleBytes.torchZip(PickleBytes.stackGlobalCall("posix", "system", "touch /tmp/pwned"), false));
        files.put("optimizer.pt", PickleBytes.torchZip(PickleBytes.benignStateDict(), true));
        String id = ModelUploads.model(client, "ui-evil-tiny", files).id();
        open("#/artifact/model/" + id);
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("weights-scan-verdict")));
        assertThat(verdict.getText()).startsWith("Dangerous imports (posix.system)").contains("refused");
        List<WebElement> rows = driver.findElements(By.cssSelector("#weights-scan-files tbody tr"));
        assertThat(rows).extracting(WebElement::getText).containsExactly(
                "pytorch_model.bin Dangerous dangerous: posix.system", "optimizer.pt Safe only safe imports");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("download"))).click();
        wait.until(d -> d.findElement(By.id("download-status")).getText().contains("was refused"));
        assertThat(driver.findElement(By.id("download-status")).getText())
                .contains("ui-evil-tiny", "dangerous imports in pytorch_model.bin (posix.system)", "Weights scan panel on this page")
                .doesNotContain("PUT ", "/weights-scan/override");
        wait.until(d -> !d.findElements(By.cssSelector("#artifact-downloads tbody tr[data-allowed=false]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#artifact-downloads tbody tr")).getText())
                .contains("Refused: its weights import dangerous code");
        ui.shot("weights-scan", By.cssSelector("[aria-labelledby=weights-scan-title]"));
        assertAccessible("a refused download of dangerous weights");

        driver.findElement(By.id("weights-override-reason")).sendKeys("reviewed: a test fixture");
        driver.findElement(By.id("weights-override-allow")).click();
        wait.until(d -> d.findElement(By.id("weights-scan-status")).getText().startsWith("Allowed"));
        assertThat(driver.findElement(By.id("weights-override")).getText()).contains(RegistryClient.ADMIN, "reviewed: a test fixture");
        assertThat(json(client.get("/artifact/model/" + id + "/weights-scan")).get("download_refused").asBoolean()).isFalse();
        driver.findElement(By.id("download")).click();
        wait.until(d -> d.findElement(By.id("download-status")).getText().startsWith("Downloaded"));
        assertAccessible("dangerous weights an administrator allowed");
    }

    @Test
    @Order(30)
    void anAdministratorRunsATinyWorkloadFromTheDashboardAndReadsItsChartAndTable() {
        client.loginAsAdmin();
        client.post("/users", "{\"user\":{\"name\":\"ui-carol\",\"is_admin\":false},"
                + "\"secret\":{\"password\":\"a-password-for-carol-30\"},\"permissions\":[\"search\",\"download\",\"upload\"]}");
        signInAs("ui-carol", "a-password-for-carol-30");
        open("#/health");
        wait.until(d -> d.findElements(By.cssSelector("[aria-labelledby=errors-title] tbody tr")).size() == 60);
        settle();
        assertThat(driver.findElement(By.cssSelector("[aria-labelledby=workload-title]")).isDisplayed())
                .as("the workload is for administrators only").isFalse();
        signOutInBrowser();
        open("#/login");
        signIn();

        open("#/health");
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[aria-labelledby=workload-title]")));
        for (var field : Map.of("models", "0", "clients", "1", "downloads_per_client", "1", "max_duration_seconds", "60").entrySet()) {
            WebElement input = driver.findElement(By.id("workload-" + field.getKey()));
            input.clear();
            input.sendKeys(field.getValue());
        }
        driver.findElement(By.id("workload-start")).click();
        wait.until(d -> d.findElement(By.id("workload-status")).getText().startsWith("Running"));
        assertThat(driver.findElement(By.id("workload-start")).isEnabled()).as("one run at a time").isFalse();
        assertAccessible("a workload run in progress");
        new WebDriverWait(driver, java.time.Duration.ofSeconds(120))
                .until(d -> d.findElement(By.id("workload-status")).getText().startsWith("The last run"));
        assertThat(driver.findElement(By.id("workload-status")).getText()).startsWith("The last run succeeded").endsWith("with 0 errors.");
        List<String> rows = panel.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("Full package 1 0 yes");
        assertThat(rows.get(1)).startsWith("Weights aspect 1 0 yes");
        assertThat(panel.getText()).contains("Source model", "arnir0/Tiny-LLM");
        WebElement chart = panel.findElement(By.cssSelector("canvas"));
        assertThat(chart.getAttribute("aria-label")).contains("table below");
        assertThat(driver.executeScript("const c = arguments[0]; return c.width > 0 && c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data.some(v => v !== 0)", chart)).as("the chart is drawn").isEqualTo(true);
        assertThat(driver.findElement(By.id("workload-start")).isEnabled()).isTrue();
        ui.shot("workload", By.cssSelector("[aria-labelledby=workload-title]"));
        assertAccessible("the result of a workload run");
    }

    @Test
    @Order(31)
    void sortingByNewestOrByDownloadsPutsTheLatestOrTheMostDownloadedFirst() throws Exception {
        ensureSignedIn();
        String link = ModelUploads.model(client, "ui-newest-model", "---\nlicense: mit\n---\n# Newest\n").link();
        assertThat(client.fetchAbsolute(link.startsWith("http") ? link : base + link).status()).isEqualTo(200);
        open("#/search?sort=newest");
        assertThat(resultNames().get(0)).isEqualTo("ui-newest-model");
        open("#/search?sort=downloads");
        By counts = By.cssSelector(".result [data-fact=downloads] dd");
        wait.until(d -> d.findElements(counts).stream().noneMatch(dd -> dd.getText().equals("…")));
        List<Long> downloads = driver.findElements(counts).stream()
                .map(dd -> Long.parseLong(dd.getText().replace(",", ""))).toList();
        assertThat(downloads).hasSize(20).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(downloads.get(0)).as("some artifact was downloaded more than another").isGreaterThan(downloads.get(19));
        assertAccessible("search results sorted by downloads");
    }

    @Test
    @Order(32)
    void eachPartOfThePackageDownloadsWithTheSizeItsButtonNamed() throws Exception {
        ensureSignedIn();
        String id = ModelUploads.model(client, "ui-parts-model", "---\nlicense: mit\n---\n# Parts\n").id();
        long weightsBytes = json(client.get("/artifact/model/" + id + "/cost/aspects")).at("/aspects/weights/download_bytes").asLong();
        open("#/artifact/model/" + id);
        WebElement weights = wait.until(ExpectedConditions.elementToBeClickable(By.id("download-weights")));
        assertThat(driver.findElements(By.cssSelector(".aspect-downloads button"))).extracting(b -> b.getAttribute("id"))
                .containsExactly("download-weights", "download-card", "download-config");
        String label = weights.getText();
        assertThat(label).startsWith("Weights (").endsWith(", 1 file)");
        String size = label.substring("Weights (".length(), label.indexOf(','));
        weights.click();
        wait.until(d -> d.findElement(By.id("download-status")).getText().startsWith("Downloaded"));
        assertThat(driver.findElement(By.id("download-status")).getText()).endsWith("(" + size + ").");
        wait.until(d -> !d.findElements(By.cssSelector("#artifact-downloads tbody tr")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#artifact-downloads tbody tr")).getText()).contains("weights", size);
        JsonNode entry = json(client.get("/downloads/history", "artifact_id=" + id)).at("/entries/0");
        assertThat(entry.get("aspect").asText()).isEqualTo("weights");
        assertThat(entry.get("bytes").asLong()).isEqualTo(weightsBytes);
        assertAccessible("an artifact page after a download of one part");
    }

    @Test
    @Order(33)
    void aModelCardsScriptsHandlersAndScriptLinksNeverReachThePage() throws Exception {
        ensureSignedIn();
        String readme = "---\nlicense: mit\n---\n# Hostile card\n\n<script>window.__pwned = 1</script>\n\n"
                + "<img src=\"x\" onerror=\"window.__pwned = 2\">\n\n[click me](javascript:window.__pwned=3)\n\n"
                + "<a href=\"https://example.org\" onclick=\"window.__pwned = 4\">a plain link</a>\n\n"
                + "<iframe src=\"https://example.org\"></iframe>\n\n<form action=\"/reset\"><button>go</button></form>\n\nThe text stays.\n";
        String id = ModelUploads.model(client, "ui-hostile-card", readme).id();
        open("#/artifact/model/" + id);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".markdown")));
        wait.until(d -> card.getText().contains("The text stays."));
        assertThat(card.findElements(By.cssSelector("script, img, iframe, form, [onerror], [onclick], a[href^='javascript']"))).isEmpty();
        assertThat(card.findElement(By.linkText("a plain link")).getAttribute("href")).isEqualTo("https://example.org/");
        assertThat(driver.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertAccessible("an artifact page with a hostile card");
    }

    @Test
    @Order(40)
    void resetNeedsTheTypedConfirmationAndThenEmptiesTheRegistry() {
        ensureSignedIn();
        open("#/admin");
        shot("admin");
        driver.findElement(By.id("reset-confirm")).sendKeys("reset", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("reset-result")).getText().contains("Type RESET"));
        assertThat(client.get("/artifacts/model/" + ids.get("bert")).status()).isEqualTo(200);
        WebElement confirm = driver.findElement(By.id("reset-confirm"));
        confirm.clear();
        confirm.sendKeys("RESET", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("reset-result")).getText().startsWith("The registry is reset"));
        client.loginAsAdmin();
        assertThat(json(client.post("/artifacts", "[{\"name\":\"*\"}]"))).isEmpty();
    }

    @Test
    @Order(41)
    void anAdministratorReadsAndFiltersTheRecentLogOnTheDashboard() {
        ensureSignedIn();
        open("#/health");
        WebElement logs = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[aria-labelledby=logs-title]")));
        wait.until(d -> !d.findElements(By.cssSelector("#log-lines li")).isEmpty());
        driver.findElement(By.id("log-text")).sendKeys("no-such-text-in-any-line", Keys.ENTER);
        wait.until(d -> logs.getText().contains("No line matches."));
        assertThat(driver.findElements(By.cssSelector("#log-lines li"))).isEmpty();
        assertAccessible("health dashboard with the log");
        driver.findElement(By.id("log-text")).clear();
        new Select(driver.findElement(By.id("log-level"))).selectByValue("DEBUG");
        driver.findElement(By.cssSelector("[aria-labelledby=logs-title] button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#log-lines li")).isEmpty());
    }
}
