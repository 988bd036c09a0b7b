package io.modelregistry.command.ingest;

import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.command.blob.filesystem.FilesystemBlobStore;
import io.modelregistry.command.document.BlobArtifactDocuments;
import io.modelregistry.fakehub.RecordingProxySelector;
import io.modelregistry.hub.HubClient;
import io.modelregistry.hub.HubEndpoint;
import io.modelregistry.hub.HubEndpoints;
import io.modelregistry.hub.SourceUrlParser;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Wires a {@link SourceIngestor} the way the Spring configuration does, against given endpoints. */
final class IngestHarness {

    final RecordingProxySelector proxies = new RecordingProxySelector();
    final BlobStore blobs;
    final SourceIngestor ingestor;
    final ArtifactDocumentStore documents;
    final HubClient client;
    final HubEndpoints endpoints;

    IngestHarness(String hfEndpoint, String gitHubApi, Path blobRoot, Duration requestTimeout) {
        this.client = new HubClient(HubClient.newHttpClient(proxies), requestTimeout);
        this.endpoints = new HubEndpoints(
                HubEndpoint.of("HuggingFace", hfEndpoint, null),
                HubEndpoint.of("GitHub", gitHubApi, null));
        this.blobs = new FilesystemBlobStore(blobRoot);
        this.documents = new BlobArtifactDocuments(blobs);
        this.ingestor = new SourceIngestor(new SourceUrlParser(),
                new HuggingFaceSource(client, endpoints, blobs, new PackageSettings(DataSize.ofMegabytes(256))),
                new GitHubSource(client, endpoints), new KaggleSource(), new BundleWriter(blobs), documents);
    }

    /** Every version of a source, at most {@code maxTags} tags of it, as the Spring configuration wires it. */
    VersionedIngest versions(int maxTags) {
        return new VersionedIngest(ingestor, new HuggingFaceTags(client, endpoints), new VersionSettings(maxTags));
    }
}
