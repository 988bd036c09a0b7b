package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HubPropertiesTest {

    @Test
    void theTokensNeverAppearInTheRecordsPrintedForm() {
        HubProperties hubs = new HubProperties("http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3",
                "hf_secret_value", "ghp_secret_value", Duration.ofSeconds(5));

        assertThat(hubs.toString()).doesNotContain("secret").contains("huggingfaceToken=(set)", "githubToken=(set)");
        assertThat(new HubProperties("a", "b", "c", "", "", Duration.ofSeconds(1)).toString())
                .contains("githubToken=(none)");
    }

    @Test
    void aRequestTimeoutThatIsNotPositiveIsRefusedWithThePropertysName() {
        assertThatThrownBy(() -> new HubProperties("a", "b", "c", "", "", Duration.ZERO))
                .hasMessageContaining("registry.hub.request-timeout");
    }
}
