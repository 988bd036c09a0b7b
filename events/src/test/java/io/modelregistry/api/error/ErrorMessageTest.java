package io.modelregistry.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorMessageTest {

    private static final Pattern ID = Pattern.compile("[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    /** Entries that only carry a message rendered before (a refusal stored in the log and answered again). */
    private static final Set<ErrorMessage> PASS_THROUGH = Set.of(ErrorMessage.GROUP_REFUSAL_REPEATED);

    @Test
    void everyIdIsUniqueAndNamesAFeatureThenWhatWentWrong() {
        Set<String> seen = new HashSet<>();
        for (ErrorMessage message : ErrorMessage.values()) {
            assertThat(message.id()).as(message.name()).matches(ID);
            assertThat(seen.add(message.id())).as("id %s used twice", message.id()).isTrue();
        }
    }

    @Test
    void everyConstantIsNamedAfterItsId() {
        for (ErrorMessage message : ErrorMessage.values()) {
            assertThat(message.name()).isEqualTo(message.id().toUpperCase().replaceAll("[.-]", "_"));
        }
    }

    @Test
    void everyTemplateSaysSomethingBesidesItsArguments() {
        for (ErrorMessage message : ErrorMessage.values()) {
            if (!PASS_THROUGH.contains(message)) {
                assertThat(message.template().replace("{}", "")).as(message.id()).matches(".*\\p{L}{3,}.*");
            }
        }
    }

    @Test
    void aTemplateIsRenderedAsConcatenationWouldRenderIt() {
        assertThat(ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.render("model", 42))
                .isEqualTo("No model artifact with id 42.");
        assertThat(ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.render(null, "x"))
                .isEqualTo("No null artifact with id x.");
        // an argument that itself holds the placeholder is not expanded again
        assertThat(ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.render("{}", "{}"))
                .isEqualTo("No {} artifact with id {}.");
    }

    @Test
    void aWrongNumberOfArgumentsIsRefusedRatherThanRenderedHalfEmpty() {
        assertThatThrownBy(() -> ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.render("model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("artifact.no-typed-artifact-with-id takes 2");
    }

    @Test
    void anExceptionCarriesItsEntrysIdKindAndText() {
        RegistryException e = ErrorMessage.AUTH_USER_NAMED.exception("alice");
        assertThat(e.id()).isEqualTo("auth.user-named");
        assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("No user named alice.");
        RegistryException again = new RegistryException(e);
        assertThat(List.of(again.id(), again.kind(), again.getMessage()))
                .isEqualTo(List.of(e.id(), e.kind(), e.getMessage()));
    }

    @Test
    void aRetryLaterRefusalKeepsItsEntryAndItsDelay() {
        TooManyRequests e = new TooManyRequests(ErrorMessage.AUTH_TOO_MANY_FAILED_LOGINS, 7, 7);
        assertThat(e.kind()).isEqualTo(RegistryException.Kind.TOO_MANY_REQUESTS);
        assertThat(e.retryAfterSeconds()).isEqualTo(7);
        assertThat(e.id()).isEqualTo("auth.too-many-failed-logins");
    }

    @Test
    void everyKindHasAtLeastOneMessage() {
        Set<RegistryException.Kind> used = new HashSet<>();
        Arrays.stream(ErrorMessage.values()).forEach(m -> used.add(m.kind()));
        assertThat(used).containsExactlyInAnyOrder(RegistryException.Kind.values());
    }
}
