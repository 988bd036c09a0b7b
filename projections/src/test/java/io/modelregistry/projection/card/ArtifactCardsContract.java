package io.modelregistry.projection.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.DocumentRef;
import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCardWriter;
import io.modelregistry.api.card.ArtifactCards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every card read model adapter must do, embedded or OpenSearch: a version's card read back whole, the latest
 * card by semantic-version precedence (a pre-release below its release, a version that is not semantic below every
 * one that is), for one artifact or at most 100 at once, however many versions each has, writes that a redelivery
 * repeats harmlessly, and deletes of one artifact or of everything. Each adapter's test extends this with a fresh,
 * empty store; an adapter with paged reads is given a small page so that reads cross pages.
 */
abstract class ArtifactCardsContract<S extends ArtifactCards & ArtifactCardWriter> {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.250Z");

    /** An empty store; each test gets its own (or the same one emptied). */
    protected abstract S newStore();

    protected S cards;

    @BeforeEach
    void openStore() {
        cards = newStore();
    }

    private static ArtifactCard card(String id, String version, Instant at) {
        return new ArtifactCard(id, ArtifactType.MODEL, "model-" + id, version, "https://huggingface.co/org/m" + id,
                "HUGGINGFACE", "mit", "text-classification", "transformers", List.of("nlp"),
                new ArtifactDocumentRefs(DocumentRef.stored("ab".repeat(32), 120), null, null), at);
    }

    @Test
    void aVersionsCardIsReadBackWhole() {
        ArtifactCard full = new ArtifactCard("1", ArtifactType.DATASET, "squad", "1.0.0",
                "https://huggingface.co/datasets/squad", "HUGGINGFACE", "cc-by-sa-4.0", "question-answering", null,
                List.of("en", "qa", "wikipedia"), new ArtifactDocumentRefs(DocumentRef.stored("ab".repeat(32), 4096),
                new DocumentRef("cd".repeat(32), 12, "{\"a\": \"é\"}"), DocumentRef.stored("ef".repeat(32), 77)), T0);
        ArtifactCard bare = new ArtifactCard("2", ArtifactType.CODE, "tool", "main", null, "GITHUB", null, null, null,
                null, null, T0);
        cards.put(full);
        cards.put(bare);

        assertThat(cards.find("1", Optional.of("1.0.0"))).contains(full);
        assertThat(cards.find("1", Optional.empty())).contains(full);
        assertThat(cards.find("2", Optional.of("main"))).contains(bare);
        assertThat(cards.find("2", Optional.empty()).orElseThrow().documents()).isEqualTo(ArtifactDocumentRefs.none());
        assertThat(cards.find("2", Optional.empty()).orElseThrow().tags()).isEmpty();
        assertThat(cards.find("1", Optional.of("2.0.0"))).isEmpty();
        assertThat(cards.find("3", Optional.empty())).isEmpty();
    }

    @Test
    void theLatestCardIsTheHighestSemanticVersionAPreReleaseBelowItsRelease() {
        cards.put(card("1", "1.10.0", T0.plusSeconds(1)));
        cards.put(card("1", "2.0.0", T0.plusSeconds(2)));
        cards.put(card("1", "2.0.0-rc.1", T0.plusSeconds(3)));
        cards.put(card("1", "main", T0.plusSeconds(4)));
        cards.put(card("1", "1.9.0", T0.plusSeconds(5)));

        assertThat(cards.find("1", Optional.empty())).map(ArtifactCard::version).contains("2.0.0");
        assertThat(cards.latest(List.of("1"))).extractingByKey("1").extracting(ArtifactCard::version)
                .isEqualTo("2.0.0");
        cards.put(card("2", "main", T0));
        cards.put(card("2", "trunk", T0.plusSeconds(1)));
        assertThat(cards.find("2", Optional.empty())).as("none semantic: the later card")
                .map(ArtifactCard::version).contains("trunk");
    }

    @Test
    void aPutReplacesThatVersionsCardAndARedeliveryChangesNothing() {
        ArtifactCard first = card("1", "1.0.0", T0);
        ArtifactCard updated = new ArtifactCard("1", ArtifactType.MODEL, "model-1", "1.0.0", null, "HUGGINGFACE",
                "apache-2.0", null, "pytorch", List.of("vision"), ArtifactDocumentRefs.none(), T0.plusSeconds(9));
        cards.put(first);
        cards.put(first);
        cards.put(card("1", "0.9.0", T0));
        assertThat(cards.find("1", Optional.of("1.0.0"))).contains(first);

        cards.put(updated);
        cards.put(updated);
        assertThat(cards.find("1", Optional.of("1.0.0"))).contains(updated);
        assertThat(cards.find("1", Optional.empty())).contains(updated);
        assertThat(cards.latest(List.of("1"))).containsExactly(Map.entry("1", updated));
    }

    @Test
    void theLatestCardsOfManyArtifactsAreReadAtOnceLeavingOutThoseWithout() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "a" + i;
            ids.add(id);
            for (int v = 0; v <= i % 4; v++) {
                cards.put(card(id, "1." + v + ".0", T0.plusSeconds(v)));
            }
        }
        ids.add("never-carded");

        Map<String, ArtifactCard> latest = cards.latest(ids);
        assertThat(latest).hasSize(12).doesNotContainKey("never-carded");
        for (int i = 0; i < 12; i++) {
            assertThat(latest.get("a" + i).version()).as("a" + i).isEqualTo("1." + i % 4 + ".0");
        }
        assertThat(cards.latest(List.of("a1", "a1"))).containsOnlyKeys("a1");
        assertThat(cards.latest(List.of())).isEmpty();
    }

    @Test
    void atMostAHundredIdsAreAskedAtOnce() {
        cards.put(card("a99", "1.0.0", T0));
        List<String> hundred = new ArrayList<>(IntStream.range(0, 100).mapToObj(i -> "a" + i).toList());
        assertThat(cards.latest(hundred)).containsOnlyKeys("a99");
        hundred.add("a100");
        assertThatThrownBy(() -> cards.latest(hundred)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anArtifactWithManyVersionsHasItsLatestFoundAcrossPages() {
        // written newest first, and the latest's version sorts first as text: it is found wherever it lands
        for (int v = 20; v >= 0; v--) {
            cards.put(card("1", "1." + v + ".0", T0.plusSeconds(v)));
            cards.put(card("2", "3." + v + ".0", T0.plusSeconds(v)));
        }
        assertThat(cards.find("1", Optional.empty())).map(ArtifactCard::version).contains("1.20.0");
        assertThat(cards.latest(List.of("1", "2"))).extractingFromEntries(e -> e.getValue().version())
                .containsExactlyInAnyOrder("1.20.0", "3.20.0");
    }

    @Test
    void deletingAnArtifactTakesEveryCardOfItAndLeavesOthersAlone() {
        for (int v = 0; v < 9; v++) {
            cards.put(card("1", "1." + v + ".0", T0));
        }
        cards.put(card("2", "1.0.0", T0));
        cards.delete("1");
        cards.delete("1");
        cards.delete("never-there");
        assertThat(cards.find("1", Optional.empty())).isEmpty();
        assertThat(cards.find("1", Optional.of("1.3.0"))).isEmpty();
        assertThat(cards.latest(List.of("1", "2"))).containsOnlyKeys("2");
    }

    @Test
    void deleteAllEmptiesTheCardsAndAReplayFillsThemAgain() {
        cards.put(card("1", "1.0.0", T0));
        cards.put(card("2", "1.0.0", T0));
        cards.deleteAll();
        assertThat(cards.find("1", Optional.empty())).isEmpty();
        assertThat(cards.latest(List.of("1", "2"))).isEmpty();

        cards.put(card("1", "1.0.0", T0));
        assertThat(cards.find("1", Optional.of("1.0.0"))).contains(card("1", "1.0.0", T0));
    }
}
