package io.modelregistry.query.downloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.error.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees whose downloads: an administrator anyone's, any other user only their own, whatever they ask for. (Until
 * users other than the default administrator can be registered, this is where a non-administrator is tested.)
 */
class DownloadHistoryControllerTest {

    private final List<DownloadHistory.Query> asked = new ArrayList<>();
    private final List<String> waits = new ArrayList<>();
    private final DownloadHistoryController controller = new DownloadHistoryController(query -> {
        asked.add(query);
        return new DownloadHistory.Page(List.of(), null);
    }, new ReadModelBarrier() {
        @Override
        public void awaitCaughtUp() {
        }

        @Override
        public boolean caughtUp() {
            return true;
        }

        @Override
        public void markForReaders() {
        }

        @Override
        public void awaitMarked() {
            waits.add("marked");
        }
    });

    private static final Actor ADMIN = new Actor("root", true);
    private static final Actor BOB = new Actor("bob", false);

    @Test
    void aUserWhoIsNotAnAdministratorSeesOnlyTheirOwnDownloads() {
        controller.history(null, null, null, null, null, BOB);
        controller.history("model-1", null, null, null, "5", BOB);
        controller.history(null, "bob", null, null, null, BOB);
        assertThat(asked).extracting(DownloadHistory.Query::username).containsExactly("bob", "bob", "bob");
        assertThat(asked.get(1).artifactId()).isEqualTo("model-1");
        assertThat(asked.get(1).limit()).isEqualTo(5);
        assertThatThrownBy(() -> controller.history(null, "ann", null, null, null, BOB))
                .isInstanceOfSatisfying(RegistryException.class, e ->
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_PERMITTED));
        assertThat(asked).hasSize(3);
    }

    @Test
    void anAdministratorSeesEveryonesOrOneUsersAndEveryReadWaitsForTheMarkedDownloads() {
        controller.history(null, null, null, null, null, ADMIN);
        controller.history(null, "bob", "2026-01-01T00:00:00Z", "42", "500", ADMIN);
        assertThat(asked.get(0).username()).isNull();
        assertThat(asked.get(0).limit()).isEqualTo(100);
        assertThat(asked.get(1).username()).isEqualTo("bob");
        assertThat(asked.get(1).before()).isEqualTo(42L);
        assertThat(asked.get(1).asOf()).hasToString("2026-01-01T00:00:00Z");
        assertThat(waits).hasSize(2);
        Map<String, Object> body = controller.history(null, null, null, null, null, ADMIN);
        assertThat(body).containsKey("entries").doesNotContainKey("next");
    }
}
