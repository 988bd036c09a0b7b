package io.modelregistry.command.upload;

import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.command.weights.PackageWeightsScanner;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.command.artifact.ArtifactClaims;
import io.modelregistry.command.artifact.ArtifactIds;
import io.modelregistry.command.artifact.ArtifactVersioning;
import io.modelregistry.rating.ModelRatings;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires uploads: the bounds ({@link UploadProperties}), the spool directory under the data dir, and the servlet
 * container's multipart settings. Multipart parts are written straight to the spool directory (no in-memory
 * threshold: a part is never held in the heap), up to the upload bound; every other endpoint's body is still held to
 * the small JSON bound by the request size filter, so only the upload endpoints accept large multipart bodies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class UploadConfiguration {

    @Bean
    UploadSpool uploadSpool(@Value("${registry.data-dir:./data}") String dataDir, UploadProperties limits)
            throws IOException {
        UploadSpool spool = new UploadSpool(Path.of(dataDir).resolve("uploads"), limits.maxUploadBytes().toBytes());
        spool.prepare();
        return spool;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(UploadSpool spool) {
        long max = spool.maxBytes();
        return new MultipartConfigElement(spool.directory().toString(), max, max + UploadController.MULTIPART_OVERHEAD,
                0);
    }

    @Bean
    UploadInspector uploadInspector(UploadProperties limits) {
        return new UploadInspector(limits);
    }

    @Bean
    UploadStorer uploadStorer(BlobStore blobs, PackageWeightsScanner weights, ArtifactDocumentStore documents,
                              UploadProperties limits) {
        return new UploadStorer(blobs, weights, documents, (int) limits.maxDocumentBytes().toBytes());
    }

    @Bean
    ArtifactUpload artifactUpload(UploadInspector inspector, UploadStorer storer, ArtifactClaims claims,
                                  ArtifactIds ids, ModelRatings ratings, CommandGateway commands,
                                  ReadModelBarrier readModels, ArtifactVersioning versioning) {
        return new ArtifactUpload(inspector, storer, claims, ids, ratings, commands, readModels, versioning);
    }
}
