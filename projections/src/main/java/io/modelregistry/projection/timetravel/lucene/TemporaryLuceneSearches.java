package io.modelregistry.projection.timetravel.lucene;

import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.SearchIndexWriter;
import io.modelregistry.projection.search.lucene.LuceneArtifactSearch;
import io.modelregistry.projection.search.lucene.SearchIndex;
import io.modelregistry.projection.timetravel.ReplaySearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A replay's search read model: the registry's own Lucene index and search code, in a temporary directory under
 * the data dir that {@link ReplaySearch#close()} deletes. Lucene's index is file-based; the files of one replay are
 * small (one moment's artifacts) and the operating system's cache holds them.
 */
@Component
class TemporaryLuceneSearches implements ReplaySearch.Factory {

    /** As the live search's default: one regular expression may scan for this long. */
    private static final Duration REGEX_BUDGET = Duration.ofSeconds(5);

    private final Path root;

    TemporaryLuceneSearches(@Value("${registry.data-dir:./data}") Path dataDir) {
        this.root = dataDir.resolve("time-travel");
    }

    @Override
    public ReplaySearch open() {
        try {
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "replay-");
            SearchIndex index = new SearchIndex(dir, Clock.systemUTC());
            return new Replay(dir, index, new LuceneArtifactSearch(index, REGEX_BUDGET));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a replay's search index under " + root, e);
        }
    }

    private record Replay(Path dir, SearchIndex index, LuceneArtifactSearch artifactSearch) implements ReplaySearch {

        @Override
        public SearchIndexWriter writer() {
            return index;
        }

        @Override
        public ArtifactSearch search() {
            return artifactSearch;
        }

        @Override
        public void close() {
            index.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory is harmless; the next start of the registry does not read it
            }
        }
    }
}
