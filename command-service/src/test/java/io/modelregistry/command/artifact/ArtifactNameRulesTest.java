package io.modelregistry.command.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.error.RegistryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names are read by people deciding what to download, so a name must look like what it is. Invisible and
 * direction-changing characters make one name display as another: "bert-base-\u202Edesacnu" is shown as
 * "bert-base-uncased", and its UTS #39 skeleton ("bert-base-desacnu") is not confusable with the name it imitates,
 * so even the package-confusion audit would not flag it.
 */
class ArtifactNameRulesTest {

    @ParameterizedTest(name = "refused: U+{0}")
    @ValueSource(strings = {"202E", "202D", "202A", "202B", "202C", "2066", "2067", "2068", "2069", "200E", "200F",
            "061C", "200B", "200C", "200D", "2060", "FEFF", "00AD", "2028", "2029", "E000", "D800"})
    void aNameWithAnInvisibleOrDirectionChangingCharacterIsRefused(String hex) {
        String name = "bert-base-" + (char) Integer.parseInt(hex, 16) + "desacnu";
        assertThatThrownBy(() -> ArtifactRequests.validName(name)).isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST))
                .hasMessageContaining("U+" + hex);
    }

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = {"bert-base-uncased", "openai-whisper", "Modèle-français", "模型-中文", "نموذج-عربي",
            "модель", "resnet_50.v2", "a b c"})
    void ordinaryNamesInAnyScriptAreAccepted(String name) {
        assertThat(ArtifactRequests.validName(name)).isEqualTo(name);
    }
}
