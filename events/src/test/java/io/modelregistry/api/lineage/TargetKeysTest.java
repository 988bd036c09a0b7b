package io.modelregistry.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys a registered name is found by: compact (no case, no separators) and its family without a variant suffix. */
class TargetKeysTest {

    @ParameterizedTest(name = "{0} is compact {1}")
    @CsvSource({"FairFace, fairface", "Fair-Face, fairface", "fair_face, fairface", "'fair face', fairface",
            "imagenet-1k, imagenet1k"})
    void aNameWithoutCaseAndSeparatorsIsItsCompactForm(String name, String compact) {
        assertThat(TargetKeys.compactOf(name)).isEqualTo(compact);
    }

    @ParameterizedTest(name = "{0} is a variant of {1}")
    @CsvSource(nullValues = "none", value = {
            "imagenet-1k, imagenet", "ImageNet_21k, imagenet", "laion-400m, laion", "pile-v2, pile",
            "squad_v2, squad", "resnet-v1.5, resnet", "coco-2017, coco", "Open-Web-Text-10b, openwebtext",
            // a bare number, a word, no separator, too short a family, an owner: no variant
            "resnet-50, none", "cifar-10, none", "imagenet-sketch, none", "imagenet1k, none", "c4-1k, none",
            "acme/imagenet-1k, none", "imagenet, none"})
    void aSizeVersionOrYearSuffixAfterASeparatorIsDroppedToGiveTheFamily(String name, String family) {
        assertThat(TargetKeys.variantBaseOf(name)).isEqualTo(family);
    }
}
