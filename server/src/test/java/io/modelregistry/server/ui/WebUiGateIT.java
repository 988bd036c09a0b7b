package io.modelregistry.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.server.support.RegistryProcess;
import io.modelregistry.server.support.RegistryTestEnvironment;
import io.modelregistry.server.support.UiPages;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Adding models through the UI under the default, enforcing ingest gate: a refused model's 424 is told in
 * words (metric names, percentages), an admitted one shows its score, and the refusal is on the admin page.
 */
class WebUiGateIT {

    @Test
    void aRefusedIngestIsExplainedInWordsAndListedForAdministrators() throws Exception {
        Path jar = Path.of(System.getProperty("registry.jar", "target/registry-server.jar"));
        Path work = RegistryProcess.tempDir("registry-ui-gate");
        try (FakeHub hub = FakeHub.start();
             RegistryProcess registry = new RegistryProcess(jar, work.resolve("data"), Map.of(
                     "HF_ENDPOINT", hub.hfEndpoint(), "GITHUB_API_URL", hub.githubApiUrl(),
                     "REGISTRY_PULL_THROUGH_MAX_BYTES", RegistryTestEnvironment.FAKE_HUB_FILE_BYTES,
                     "GITHUB_SERVER_URL", hub.baseUrl(), "REGISTRY_INGEST_GATE", "enforce"))) {
            registry.start();
            try (UiPages ui = new UiPages(registry.baseUrl())) {
                ChromeDriver driver = ui.driver();
                ui.open("#/add");
                ui.signIn();
                assertThat(ui.h1()).isEqualTo("Add an artifact");

                driver.findElement(By.id("add-url")).sendKeys("https://huggingface.co/parvk11/audience_classifier_model", Keys.ENTER);
                ui.waiting().until(d -> d.findElement(By.id("add-result")).getText().startsWith("Not added"));
                String refusal = driver.findElement(By.id("add-result")).getText().replace('\u00a0', ' ');
                assertThat(refusal).contains("ingest gate", "licence clarity and permissiveness 0 %").doesNotContain("license=");
                ui.shot("add-refused");
                ui.assertAccessible("a refused ingest");

                var url = driver.findElement(By.id("add-url"));
                url.clear();
                url.sendKeys("https://huggingface.co/google-bert/bert-base-uncased", Keys.ENTER);
                ui.waiting().until(d -> d.findElement(By.id("add-result")).getText().contains("Net score"));
                assertThat(driver.findElement(By.id("add-result")).getText()).contains("bert-base-uncased", "Net score");

                ui.open("#/admin");
                assertThat(driver.findElement(By.cssSelector(".refusals")).getText().replace('\u00a0', ' '))
                        .contains("audience_classifier_model", "licence clarity and permissiveness 0 %");
                ui.assertAccessible("the admin page with a refusal");
            }
        }
    }
}
