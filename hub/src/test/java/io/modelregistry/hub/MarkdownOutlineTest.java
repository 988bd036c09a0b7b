package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownOutlineTest {

    private static MarkdownOutline outline(String text) {
        return MarkdownOutline.of(List.of(text.split("\n", -1)));
    }

    @Test
    void findsFencedCodeAndHeadingsWithTheLinesTheySpan() {
        MarkdownOutline outline = outline("# Title\ntext\n```Python extra\nimport torch\n```\nSetext\n------\n## Usage ##\n");
        assertThat(outline.fences()).singleElement().satisfies(fence -> {
            assertThat(fence.firstLine()).isEqualTo(2);
            assertThat(fence.lastLine()).isEqualTo(4);
            assertThat(fence.language()).isEqualTo("python");
            assertThat(fence.code()).isEqualTo("import torch\n");
        });
        assertThat(outline.headings()).extracting(MarkdownOutline.Section::title).containsExactly("Title", "Setext", "Usage");
        assertThat(outline.headings()).extracting(MarkdownOutline.Section::level).containsExactly(1, 2, 2);
        assertThat(outline.headings().get(1).firstLine()).isEqualTo(5);
        assertThat(outline.headings().get(1).lastLine()).isEqualTo(6);
    }

    @Test
    void aHashInsideCodeOrWithoutASpaceIsNoHeadingAndAnUnclosedFenceRunsToTheEnd() {
        MarkdownOutline outline = outline("#hashtag\n~~~\n# comment in code\n");
        assertThat(outline.headings()).isEmpty();
        assertThat(outline.fences()).singleElement().satisfies(fence -> {
            assertThat(fence.code()).isEqualTo("# comment in code\n");
            assertThat(fence.lastLine()).isEqualTo(2); // the empty last line is not code
        });
    }

    @Test
    void aFenceClosesOnlyWithAFenceAtLeastAsLongOfTheSameCharacter() {
        MarkdownOutline outline = outline("````\n```\nstill code\n~~~~\n````\nprose\n");
        assertThat(outline.fences()).singleElement().satisfies(fence -> {
            assertThat(fence.code()).isEqualTo("```\nstill code\n~~~~\n");
            assertThat(fence.lastLine()).isEqualTo(4);
        });
    }
}
