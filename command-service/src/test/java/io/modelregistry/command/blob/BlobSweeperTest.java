package io.modelregistry.command.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.blob.BlobReferences;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.blob.BlobSweeps.SweepReport;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sweep deletes: only blobs nothing references, past the grace period, and only on caught-up read models. */
class BlobSweeperTest {

    @TempDir
    Path root;

    private final Set<String> referenced = new HashSet<>();
    private final BlobReferences references = new BlobReferences() {
        @Override
        public Set<String> referencedAmong(Collection<String> digests) {
            return digests.stream().filter(referenced::contains).collect(Collectors.toSet());
        }

        @Override
        public long count() {
            return referenced.size();
        }
    };
    private final ReadModelBarrier readModels = mock(ReadModelBarrier.class);

    private BlobStore store() {
        return new FilesystemBlobStore(root);
    }

    private String put(BlobStore store, String text, Duration age) throws Exception {
        String digest = store.put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).digest();
        Files.setLastModifiedTime(root.resolve("sha256").resolve(digest.substring(0, 2)).resolve(digest),
                FileTime.from(Instant.now().minus(age)));
        return digest;
    }

    private BlobSweeper sweeper(BlobStore store, int pageSize) {
        return new BlobSweeper(store, references, readModels,
                new BlobSweepSettings(Duration.ZERO, Duration.ofHours(1), pageSize), Clock.systemUTC());
    }

    @Test
    void unreferencedBlobsPastTheGracePeriodAreDeletedAcrossPagesAndTheRestKept() throws Exception {
        when(readModels.caughtUp()).thenReturn(true);
        BlobStore store = store();
        Set<String> old = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            old.add(put(store, "unreferenced " + i, Duration.ofDays(2)));
        }
        String shared = put(store, "weights two artifacts share", Duration.ofDays(2));
        String inFlight = put(store, "written by an ingest whose event is not appended yet", Duration.ofMinutes(5));
        referenced.add(shared);

        SweepReport report = sweeper(store, 3).sweepNow();

        assertThat(report.ran()).isTrue();
        assertThat(report.deletedBlobs()).isEqualTo(7);
        assertThat(report.keptBlobs()).isEqualTo(2);
        assertThat(store.list(null, 100)).containsExactlyInAnyOrder(shared, inFlight);
        assertThat(report.deletedBytes()).isEqualTo(old.size() * "unreferenced 0".length());
    }

    @Test
    void readModelsBehindTheLogMeanNothingIsDeleted() throws Exception {
        when(readModels.caughtUp()).thenReturn(false);
        BlobStore store = store();
        String old = put(store, "unreferenced, as far as a stale read model knows", Duration.ofDays(2));

        SweepReport report = sweeper(store, 10).sweepNow();

        assertThat(report.ran()).isFalse();
        assertThat(report.skipped()).contains("behind");
        assertThat(store.size(old)).isPresent();
        BlobSweepController controller = new BlobSweepController(sweeper(store, 10));
        assertThatThrownBy(() -> controller.sweep(new Actor("admin", true)))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE));
    }

    @Test
    void onlyAnAdministratorMaySweep() throws Exception {
        when(readModels.caughtUp()).thenReturn(true);
        BlobStore store = store();
        String old = put(store, "unreferenced", Duration.ofDays(2));
        BlobSweepController controller = new BlobSweepController(sweeper(store, 10));

        assertThatThrownBy(() -> controller.sweep(new Actor("someone", false)))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_PERMITTED));
        assertThat(store.size(old)).isPresent();
        assertThat(controller.sweep(new Actor("admin", true))).containsEntry("deleted_blobs", 1L);
    }
}
