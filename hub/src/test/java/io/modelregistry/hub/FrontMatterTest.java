package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void splitsTheBlockFromTheBodyWhateverTheLineEnds() {
        for (String card : new String[] {"\uFEFF---\nlicense: mit\n---\n# Title\ntext",
                "---\r\nlicense: mit\r\n---\r\n# Title\r\ntext", "---\rlicense: mit\r...\r# Title\rtext"}) {
            FrontMatter split = FrontMatter.of(card);
            assertThat(split.state()).isEqualTo(FrontMatter.State.PARSED);
            assertThat(split.metadata().path("license").asText()).isEqualTo("mit");
            assertThat(split.body()).isEqualTo("# Title\ntext");
        }
    }

    @Test
    void noBlockIsAbsentAndAnEmptyBlockIsPresentButEmpty() {
        assertThat(FrontMatter.of(null).state()).isEqualTo(FrontMatter.State.ABSENT);
        assertThat(FrontMatter.of("# Title\n---\nx: y\n---").state()).isEqualTo(FrontMatter.State.ABSENT);
        assertThat(FrontMatter.of("# Title\n").body()).isEqualTo("# Title\n");
        FrontMatter empty = FrontMatter.of("---\n---\nbody");
        assertThat(empty.parsed()).isTrue();
        assertThat(empty.metadata().isEmpty()).isTrue();
        assertThat(empty.body()).isEqualTo("body");
    }

    @Test
    void anUnclosedBadOrNonMappingBlockIsMalformedNeverAnError() {
        assertThat(FrontMatter.of("---\nlicense: mit\nno end\n").state()).isEqualTo(FrontMatter.State.MALFORMED);
        assertThat(FrontMatter.of("---\nlicense: mit\nno end\n").body()).startsWith("---\nlicense: mit");
        assertThat(FrontMatter.of("---\nlicense: [unclosed\n---\nbody").state()).isEqualTo(FrontMatter.State.MALFORMED);
        assertThat(FrontMatter.of("---\n- a\n- list\n---\n").state()).isEqualTo(FrontMatter.State.MALFORMED);
        assertThat(FrontMatter.of("---\njust text\n---\n").state()).isEqualTo(FrontMatter.State.MALFORMED);
    }

    @Test
    void aliasesAreRefusedRatherThanReadAsTheirAnchorsName() {
        FrontMatter split = FrontMatter.of("---\nbase: &b org/model\nbase_model: *b\n---\n");
        assertThat(split.state()).isEqualTo(FrontMatter.State.MALFORMED);
        assertThat(split.metadata().has("base_model")).isFalse();
    }

    @Test
    void blocksBeyondTheBoundsAreMalformed() {
        String longBlock = "---\n" + "k: v\n".repeat(FrontMatter.MAX_LINES) + "---\nbody";
        assertThat(FrontMatter.of(longBlock).state()).isEqualTo(FrontMatter.State.MALFORMED);
        String wide = "---\nk: " + "x".repeat(FrontMatter.MAX_CHARS + 10) + "\n---\nbody";
        assertThat(FrontMatter.of(wide).state()).isEqualTo(FrontMatter.State.MALFORMED);
        String deep = "---\nk: " + "[".repeat(FrontMatter.MAX_DEPTH + 5) + "]".repeat(FrontMatter.MAX_DEPTH + 5) + "\n---\n";
        assertThat(FrontMatter.of(deep).state()).isEqualTo(FrontMatter.State.MALFORMED);
        String withinBounds = "---\n" + "k: v\n".repeat(FrontMatter.MAX_LINES - 10) + "---\nbody";
        assertThat(FrontMatter.of(withinBounds).parsed()).isTrue();
    }
}
