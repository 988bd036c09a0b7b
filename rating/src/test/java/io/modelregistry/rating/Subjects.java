package io.modelregistry.rating;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.rating.RatedModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds rating subjects for unit tests: a model's stored content and a fixed, in-memory evidence source. */
final class Subjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String repoId = "org/model";
    private String readme;
    private String config;
    private String info;
    private String licence;
    private final List<PackageFile> files = new ArrayList<>();
    private final Map<String, DatasetEvidence> datasets = new HashMap<>();
    private final Map<String, RepositoryEvidence> repositories = new HashMap<>();
    private final Map<String, Boolean> approvals = new HashMap<>();
    private final List<RatedModels.RatedModel> rated = new ArrayList<>();
    private CloneEvidence clone = CloneEvidence.none("no clone in this test");
    private ModelHistory history = ModelHistory.unknown("not in this test");

    static Subjects model(String repoId) {
        Subjects s = new Subjects();
        s.repoId = repoId;
        return s;
    }

    /** A recorded fixture model: its info JSON, README and config.json as the fake hub serves them. */
    static Subjects fixture(String repoId) {
        Subjects s = model(repoId);
        s.info = resource("hub-fixtures/huggingface/api/models/" + repoId + ".json");
        s.readme = resource("hub-fixtures/huggingface/" + repoId + "/resolve/main/README.md");
        s.config = resource("hub-fixtures/huggingface/" + repoId + "/resolve/main/config.json");
        try {
            var node = JSON.readTree(s.info);
            s.licence = node.path("cardData").path("license").asText(null);
            for (var sibling : node.path("siblings")) {
                long size = sibling.path("lfs").has("size") ? sibling.path("lfs").path("size").asLong()
                        : sibling.path("size").asLong();
                s.files.add(new PackageFile(sibling.path("rfilename").asText(), size, null, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    static String resource(String path) {
        try (InputStream in = Subjects.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Subjects readme(String text) {
        this.readme = text;
        return this;
    }

    Subjects config(String json) {
        this.config = json;
        return this;
    }

    Subjects info(String json) {
        this.info = json;
        return this;
    }

    Subjects licence(String id) {
        this.licence = id;
        return this;
    }

    Subjects file(String path, long bytes) {
        files.add(new PackageFile(path, bytes, null, false));
        return this;
    }

    Subjects dataset(DatasetEvidence evidence) {
        datasets.put(evidence.requestedId(), evidence);
        return this;
    }

    Subjects repository(RepositoryEvidence evidence) {
        repositories.put(evidence.fullName(), evidence);
        return this;
    }

    Subjects clone(CloneEvidence evidence) {
        this.clone = evidence;
        return this;
    }

    Subjects modelHistory(ModelHistory history) {
        this.history = history;
        return this;
    }

    Subjects approved(String sha, boolean approved) {
        approvals.put(sha, approved);
        return this;
    }

    Subjects rated(String id, String name, String repo, double net) {
        rated.add(new RatedModels.RatedModel(id, name, repo, net));
        return this;
    }

    ArtifactContent content() {
        return new ArtifactContent("https://huggingface.co/" + repoId,
                new SourceRef(SourceKind.HUGGINGFACE_MODEL, repoId, "main", null, "https://huggingface.co/" + repoId),
                new StoredPackage("0".repeat(64), 1000, files.stream().mapToLong(PackageFile::sizeBytes).sum(), files),
                ArtifactDocumentRefs.none(), licence, null);
    }

    /** The README, config and hub info as text: what the document store gives the rating for {@link #content()}. */
    ArtifactDocuments documents() {
        return new ArtifactDocuments(readme, config, info);
    }

    RatingSubject build() {
        return build(evidence());
    }

    RatingSubject build(EvidenceSource evidence) {
        return new RatingSubject("id-1", repoId.substring(repoId.indexOf('/') + 1), content(), documents(), evidence);
    }

    EvidenceSource evidence() {
        return new EvidenceSource() {
            @Override
            public DatasetEvidence dataset(String id) {
                return datasets.getOrDefault(id, DatasetEvidence.unreachable(id, "not found"));
            }

            @Override
            public RepositoryEvidence repository(String fullName) {
                return repositories.getOrDefault(fullName, RepositoryEvidence.unreachable(fullName, "not found"));
            }

            @Override
            public CloneEvidence clone(RepositoryEvidence repository) {
                return clone;
            }

            @Override
            public ReviewLookup approvedPullRequest(String fullName, String commitSha, long deadlineNanos) {
                Boolean approved = approvals.get(commitSha);
                return approved == null ? ReviewLookup.unknown("not in this test") : ReviewLookup.of(approved);
            }

            @Override
            public ModelHistory modelHistory(String repoId) {
                return history;
            }

            @Override
            public List<RatedModels.RatedModel> ratedModels(String repoIdOrName) {
                return rated.stream().filter(m -> m.repoId().equalsIgnoreCase(repoIdOrName)
                        || m.name().equalsIgnoreCase(repoIdOrName)).toList();
            }
        };
    }

    /** A reachable GitHub repository record with the given owner type, stars and licence. */
    static RepositoryEvidence repo(String fullName, String ownerType, long stars, String spdx, List<Contributor> people,
                                   List<String> files) {
        var node = JSON.createObjectNode();
        node.put("full_name", fullName).put("description", "code").put("archived", false)
                .put("stargazers_count", stars).put("default_branch", "main").put("size", 10);
        node.putObject("owner").put("type", ownerType);
        if (spdx != null) {
            node.putObject("license").put("spdx_id", spdx);
        }
        return new RepositoryEvidence(fullName, node, people, files, null);
    }

    static DatasetEvidence dataset(String id, String readme, long downloads, long likes) {
        var node = JSON.createObjectNode();
        node.put("id", id).put("downloads", downloads).put("likes", likes);
        return new DatasetEvidence(id, id, node, ModelCard.parse(readme), null);
    }
}
