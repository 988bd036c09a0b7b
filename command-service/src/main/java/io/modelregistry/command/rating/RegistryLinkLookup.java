package io.modelregistry.command.rating;

import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.lineage.RegisteredLinks;
import io.modelregistry.rating.RegistryLinks;
import java.util.Optional;

/**
 * A rating's look-up of a link in this registry: the lineage read model says which registered artifact the card's
 * name resolves to, its own event stream gives its latest content, and the document store its card and metadata.
 * A read model that cannot answer (an outage) makes the link fall back to the hub, never fails the rating.
 */
final class RegistryLinkLookup implements RegistryLinks {

    private final RegisteredLinks links;
    private final ModelContents contents;
    private final ArtifactDocumentStore documents;

    RegistryLinkLookup(RegisteredLinks links, ModelContents contents, ArtifactDocumentStore documents) {
        this.links = links;
        this.contents = contents;
        this.documents = documents;
    }

    @Override
    public Optional<Registered> find(String kind, String target) {
        try {
            for (RegisteredLinks.Match match : links.find(kind, target, 1)) {
                var content = contents.latest(match.artifactId());
                if (content.isPresent()) {
                    ArtifactDocuments docs = content.get().documents() == null ? ArtifactDocuments.none()
                            : documents.read(content.get().documents());
                    return Optional.of(new Registered(match.artifactId(), match.name(), match.repoId(),
                            match.matchedBy(), content.get(), docs));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
