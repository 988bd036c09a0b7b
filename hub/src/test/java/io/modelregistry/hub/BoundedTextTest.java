package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedTextTest {

    @Test
    void cutsOnACharacterBoundary() {
        byte[] text = "aé€😀".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 + 4 bytes
        assertThat(BoundedText.utf8Prefix(text, 100)).isEqualTo("aé€😀");
        assertThat(BoundedText.utf8Prefix(text, 2)).isEqualTo("a");
        assertThat(BoundedText.utf8Prefix(text, 3)).isEqualTo("aé");
        assertThat(BoundedText.utf8Prefix(text, 5)).isEqualTo("aé");
        assertThat(BoundedText.utf8Prefix(text, 6)).isEqualTo("aé€");
        assertThat(BoundedText.utf8Prefix(text, 9)).isEqualTo("aé€");
        assertThat(BoundedText.utf8Prefix(null, 9)).isNull();
    }

    @Test
    void replacesMalformedBytesInsteadOfFailing() {
        assertThat(BoundedText.utf8Prefix(new byte[] {'o', 'k', (byte) 0xff, '!'}, 10)).isEqualTo("ok\uFFFD!");
    }

    @Test
    void wholeOrNothingForJson() {
        assertThat(BoundedText.utf8WholeOrNull("{}".getBytes(StandardCharsets.UTF_8), 2)).isEqualTo("{}");
        assertThat(BoundedText.utf8WholeOrNull("{ }".getBytes(StandardCharsets.UTF_8), 2)).isNull();
    }
}
