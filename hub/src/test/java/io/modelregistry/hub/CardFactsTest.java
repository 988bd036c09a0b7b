package io.modelregistry.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardFactsTest {

    @Test
    void theCardsFrontMatterComesFirstAndTheHubsMetadataFillsTheGaps() {
        String readme = "---\nlicense: mit\ntags:\n- text-classification\n- bert\n---\n# A model\n";
        String hub = "{\"pipeline_tag\": \"fill-mask\", \"library_name\": \"transformers\","
                + " \"tags\": [\"bert\", \"license:mit\", \"pytorch\"], \"cardData\": {\"license\": \"apache-2.0\"}}";
        CardFacts facts = CardFacts.of(readme, hub, null);
        assertThat(facts.licence()).isEqualTo("mit");
        assertThat(facts.task()).isEqualTo("fill-mask");
        assertThat(facts.library()).isEqualTo("transformers");
        assertThat(facts.tags()).containsExactly("text-classification", "bert", "pytorch");
    }

    @Test
    void theLicenceIngestRecordedWins() {
        assertThat(CardFacts.of("---\nlicense: mit\n---\n", null, "apache-2.0").licence()).isEqualTo("apache-2.0");
    }

    @Test
    void missingOrMalformedDocumentsGiveNoFactsRatherThanAnError() {
        CardFacts none = CardFacts.of(null, "{not json", null);
        assertThat(none.licence()).isNull();
        assertThat(none.task()).isNull();
        assertThat(none.tags()).isEmpty();
        CardFacts malformed = CardFacts.of("---\nlicense: [unclosed\n---\n", "[1, 2]", null);
        assertThat(malformed.licence()).isNull();
    }

    @Test
    void tagsAreBoundedInNumberAndLength() {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 80; i++) {
            tags.append(i == 0 ? "" : ",").append("\"tag-").append(i).append("-").append("x".repeat(200)).append('"');
        }
        CardFacts facts = CardFacts.of(null, "{\"tags\": " + tags + "]}", null);
        assertThat(facts.tags()).hasSize(CardFacts.MAX_TAGS).allSatisfy(tag -> assertThat(tag).hasSizeLessThanOrEqualTo(100));
    }
}
