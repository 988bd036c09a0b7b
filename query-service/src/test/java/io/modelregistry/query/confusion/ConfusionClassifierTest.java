package io.modelregistry.query.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One name pair per category, and the neighbours that must match nothing. */
class ConfusionClassifierTest {

    private static String category(String suspect, String target) {
        return ConfusionClassifier.classify(suspect, target).map(m -> m.category().wireName()).orElse("none");
    }

    @Test
    void aOneKeystrokeSlipIsATypo() {
        assertThat(category("bert-base-uncsed", "bert-base-uncased")).isEqualTo("typo");
        assertThat(category("pytroch", "pytorch")).isEqualTo("typo");
    }

    @Test
    void unicodeAndAsciiLookAlikesAreHomographs() {
        assertThat(category("b\u0435rt-base", "bert-base")).isEqualTo("homograph");
        assertThat(category("rnistral-7b", "mistral-7b")).isEqualTo("homograph");
        assertThat(category("goog1e", "google")).isEqualTo("homograph");
        assertThat(category("t0kenizer", "tokenizer")).isEqualTo("homograph");
        assertThat(category("Ilama-guard", "llama-guard")).isEqualTo("homograph");
    }

    @Test
    void changedDelimitersAreDelimiterConfusion() {
        assertThat(category("bert_base_uncased", "bert-base-uncased")).isEqualTo("delimiter");
        assertThat(category("bertbase-uncased", "bert-base-uncased")).isEqualTo("delimiter");
    }

    @Test
    void addedWordsAreAffixesAndTrustWordsAreMarked() {
        NameMatch match = ConfusionClassifier.classify("bert-base-uncased-official", "bert-base-uncased").orElseThrow();
        assertThat(match.category()).isEqualTo(ConfusionCategory.AFFIX);
        assertThat(match.trustWordAffix()).isTrue();
        assertThat(category("hf-roberta-base", "roberta-base")).isEqualTo("affix");
        assertThat(category("bertofficial", "bert")).isEqualTo("affix");
    }

    @Test
    void shuffledTokensAreReorderings() {
        assertThat(category("bert-uncased-base", "bert-base-uncased")).isEqualTo("reorder");
    }

    @Test
    void britishForAmericanSpellingIsAnAlternateSpelling() {
        assertThat(category("text-normaliser", "text-normalizer")).isEqualTo("alternate_spelling");
        assertThat(category("colour-classifier", "color-classifier")).isEqualTo("alternate_spelling");
    }

    @Test
    void aDroppedTokenIsASimplification() {
        assertThat(category("bert-uncased", "bert-base-uncased")).isEqualTo("simplification");
    }

    @Test
    void gluedOrChangedVersionNumbersAreVersionTricks() {
        assertThat(category("bert-base-uncased2", "bert-base-uncased")).isEqualTo("version");
        assertThat(category("llama-3", "llama3")).isEqualTo("version");
        assertThat(category("whisper-large-v4", "whisper-large-v3")).isEqualTo("version");
    }

    @Test
    void theSameNameIsAScopeCandidateForTheOwnerToDecide() {
        assertThat(category("bert-base-uncased", "bert-base-uncased")).isEqualTo("scope");
    }

    @Test
    void namesThatSoundAlikeBeyondOneEditAreHomophones() {
        assertThat(category("fonetic-bert", "phonetic-bert")).isEqualTo("homophone");
        assertThat(category("kwik-ocr", "quick-ocr")).isEqualTo("homophone");
    }

    @Test
    void genuineNeighboursMatchNoCategory() {
        assertThat(category("bert-base-cased", "bert-base-uncased")).isEqualTo("none");
        assertThat(category("bert-large-uncased", "bert-base-uncased")).isEqualTo("none");
        assertThat(category("t5", "t6")).isEqualTo("version");
        assertThat(category("resnet-18", "resnet-34")).isEqualTo("version");
        assertThat(category("sentiment-classifier", "topic-classifier")).isEqualTo("none");
    }
}
