package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.projection.search.SearchFeed;
import io.modelregistry.projection.search.SearchProjectionDriver;
import java.nio.file.Path;
import java.time.Duration;

/** A search index in a directory, fed through the projection ({@link SearchFeed}); it can be closed and reopened. */
final class SearchFixture implements AutoCloseable {

    private final Path dataDir;
    private SearchIndex index;
    private SearchFeed feed;
    private LuceneArtifactSearch search;

    SearchFixture(Path dataDir) {
        this.dataDir = dataDir;
        open();
    }

    private void open() {
        index = new SearchIndex(dataDir);
        feed = feed == null ? new SearchFeed(index).continuedInto(index, index.atOpen().position())
                : feed.continuedInto(index, index.atOpen().position());
        search = new LuceneArtifactSearch(index, Duration.ofSeconds(30));
    }

    ArtifactSearch search() {
        return search;
    }

    SearchIndex index() {
        return index;
    }

    SearchFeed feed() {
        return feed;
    }

    SearchProjectionDriver projection() {
        return feed.projection();
    }

    long position() {
        return feed.position();
    }

    void reopen() {
        index.close();
        open();
    }

    String register(String name, ArtifactType type, String readme) {
        return feed.register(name, type, readme);
    }

    void register(String id, String name, ArtifactType type, String readme, String version) {
        feed.register(id, name, type, readme, version);
    }

    void addVersion(String id, String name, ArtifactType type, String readme, String version) {
        feed.addVersion(id, name, type, readme, version);
    }

    void update(String id, String name, ArtifactType type, String readme) {
        feed.update(id, name, type, readme);
    }

    void delete(String id, String name, ArtifactType type) {
        feed.delete(id, name, type);
    }

    void unrelatedEvent() {
        feed.unrelatedEvent();
    }

    @Override
    public void close() {
        index.close();
    }
}
