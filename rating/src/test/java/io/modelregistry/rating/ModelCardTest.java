package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelCardTest {

    @Test
    void splitsFrontMatterSectionsAndCode() {
        ModelCard card = ModelCard.parse("---\nlicense: mit\ndatasets:\n- squad\n- glue\n---\n# Title\nSome words here.\n"
                + "<!-- a hidden comment with words -->\n## Usage\n```python\nimport torch\n```\nMore text.\n");
        assertThat(card.frontMatterText("license")).contains("mit");
        assertThat(card.frontMatterList("datasets")).containsExactly("squad", "glue");
        assertThat(card.codeBlocks()).singleElement().satisfies(b -> {
            assertThat(b.language()).isEqualTo("python");
            assertThat(b.code()).isEqualTo("import torch\n");
        });
        assertThat(card.sections()).extracting(CardSection::title).containsExactly("Title", "Usage");
        assertThat(card.sections().get(1).codeBlocks()).isEqualTo(1);
        assertThat(card.prose()).doesNotContain("hidden").doesNotContain("import torch");
        assertThat(card.substantiveWords()).isEqualTo(5);
    }

    @Test
    void noReadmeAndAnEmptyReadmeAreDifferentButBothBlank() {
        assertThat(ModelCard.parse(null).present()).isFalse();
        ModelCard empty = ModelCard.parse("");
        assertThat(empty.present()).isTrue();
        assertThat(empty.blank()).isTrue();
        assertThat(ModelCard.parse("---\nlicense: mit\n---\n").blank()).isTrue();
    }

    @Test
    void malformedFrontMatterIsAFactNotAnError() {
        ModelCard card = ModelCard.parse("---\nlicense: [unclosed\n---\nbody text\n");
        assertThat(card.frontMatterMalformed()).isTrue();
        assertThat(card.frontMatter("license")).isEmpty();
        assertThat(card.substantiveWords()).isEqualTo(2);
        assertThat(ModelCard.parse("---\n- just\n- a list\n---\nx").frontMatterMalformed()).isTrue();
    }

    @Test
    void aYamlAliasBombIsRefusedNotExpanded() {
        StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append("]\n");
        }
        ModelCard card = ModelCard.parse(yaml + "---\ntext\n");
        assertThat(card.frontMatterMalformed()).isTrue();
    }

    @Test
    void aHugeReadmeIsCutAtTheBound() {
        String huge = "word ".repeat(200_000) + "\n```python\nimport os\n```\n";
        ModelCard card = ModelCard.parse(huge);
        assertThat(card.body().length()).isLessThanOrEqualTo(ModelCard.MAX_CHARS);
        assertThat(card.codeBlocks()).isEmpty(); // beyond the bound
        assertThat(card.substantiveWords()).isLessThanOrEqualTo(ModelCard.MAX_CHARS / 5 + 1);
        String manyBlocks = "```\nx\n```\n".repeat(ModelCard.MAX_CODE_BLOCKS * 2);
        assertThat(ModelCard.parse(manyBlocks).codeBlocks()).hasSize(ModelCard.MAX_CODE_BLOCKS);
    }

    @Test
    void malformedBytesArriveAsReplacementCharactersAndAreJustText() {
        byte[] bytes = "---\nlicense: mit\n---\n# Caf\u00e9\nok ".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xC3;
        broken[bytes.length + 1] = (byte) 0x28;
        broken[bytes.length + 2] = (byte) 0xFF;
        ModelCard card = ModelCard.parse(new String(broken, StandardCharsets.UTF_8));
        assertThat(card.frontMatterText("license")).contains("mit");
        assertThat(card.prose()).contains("\uFFFD");
    }

    @Test
    void countsTemplatePlaceholdersAndLeavesThemOutOfTheWords() {
        ModelCard card = ModelCard.parse(Subjects.resource(
                "hub-fixtures/huggingface/parvk11/audience_classifier_model/resolve/main/README.md"));
        assertThat(card.placeholders()).isGreaterThan(30);
        assertThat(ModelCard.substance("[More Information Needed]")).isEmpty();
    }

    @Test
    void anUnclosedFenceStillHoldsCodeAndWindowsLineEndsWork() {
        ModelCard card = ModelCard.parse("text\r\n```py\r\nimport os\r\n");
        assertThat(card.codeBlocks()).singleElement().satisfies(b -> assertThat(b.code().strip()).isEqualTo("import os"));
    }
}
