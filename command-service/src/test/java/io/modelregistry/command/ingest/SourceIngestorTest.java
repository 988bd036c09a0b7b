package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocuments;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.artifact.PackageManifest;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.hub.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceIngestorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeHub hub;

    @TempDir
    Path blobRoot;
    private IngestHarness harness;

    @BeforeAll
    static void startHub() {
        hub = FakeHub.start();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void wire() {
        harness = new IngestHarness(hub.hfEndpoint(), hub.githubApiUrl(), blobRoot, Duration.ofSeconds(10));
    }

    @AfterEach
    void everyRequestWentToTheFakeHubOnly() {
        assertThat(harness.proxies.requested)
                .allSatisfy(uri -> assertThat(uri.toString()).startsWith(hub.baseUrl() + "/"));
    }

    private IngestedSource ingest(ArtifactType type, String url) {
        return harness.ingestor.ingest(type, url);
    }

    /** The documents an ingest stored, read back from the blob store by the digests its content names. */
    private ArtifactDocuments docs(ArtifactContent content) {
        return harness.documents.read(content.documents());
    }

    @Nested
    class HuggingFaceModels {

        @Test
        void bertBaseUncased() throws Exception {
            String url = "https://huggingface.co/google-bert/bert-base-uncased";
            int before = hub.requestCount("/huggingface/api/models/google-bert/bert-base-uncased");

            IngestedSource result = ingest(ArtifactType.MODEL, url);

            ArtifactContent content = result.content();
            assertThat(result.derivedName()).isEqualTo("bert-base-uncased");
            assertThat(content.sourceUrl()).isEqualTo(url);
            assertThat(content.source().kind()).isEqualTo(SourceKind.HUGGINGFACE_MODEL);
            assertThat(content.source().repoId()).isEqualTo("google-bert/bert-base-uncased");
            assertThat(content.source().revision()).isEqualTo("86b5e0934494bd15c9632b12f734a8a67f723594");
            assertThat(content.source().canonicalUrl()).isEqualTo(url);
            assertThat(content.licence()).isEqualTo("apache-2.0");
            assertThat(content.note()).isNull();
            assertThat(docs(content).readme()).isEqualTo(fixtureText("huggingface/google-bert/bert-base-uncased/resolve/main/README.md"));
            assertThat(docs(content).configJson()).isEqualTo(fixtureText("huggingface/google-bert/bert-base-uncased/resolve/main/config.json"));
            assertThat(docs(content).sourceMetadataJson()).isEqualTo(fixtureText("huggingface/api/models/google-bert/bert-base-uncased.json"));
            assertThat(hub.requestCount("/huggingface/api/models/google-bert/bert-base-uncased")).isEqualTo(before + 1);
            assertThat(harness.proxies.requested).as("the recorder sees every request")
                    .anySatisfy(uri -> assertThat(uri.getPath()).endsWith("/resolve/86b5e0934494bd15c9632b12f734a8a67f723594/README.md"))
                    .anySatisfy(uri -> assertThat(uri.getPath()).endsWith("/api/models/google-bert/bert-base-uncased"));

            assertListingMatchesSiblings(content.pkg(), "huggingface/api/models/google-bert/bert-base-uncased.json");
            assertThat(file(content.pkg(), "model.safetensors")).satisfies(f -> {
                assertThat(f.sizeBytes()).isEqualTo(440_449_768L);
                assertThat(f.stored()).isFalse();
                assertThat(f.contentHash()).isEqualTo("sha256:68d45e234eb4a928074dfd868cead0219ab85354cc53d20e772753c6bb9169d3");
            });
            assertThat(file(content.pkg(), "LICENSE").stored()).isFalse(); // not recorded by the fake: 404
            assertBundleHoldsStoredFilesAndManifest(content, "README.md", "config.json");
            // the pickle-based weights are fetched on first download, so the ingest's scan names them as not scanned
            assertThat(content.pkg().weightsScan().level()).isEqualTo(io.modelregistry.api.artifact.ScanLevel.SAFE);
            assertThat(content.pkg().weightsScan().files()).isEmpty();
            assertThat(content.pkg().weightsScan().notScanned()).contains("pytorch_model.bin");
        }

        @ParameterizedTest
        @CsvSource(nullValues = "null", value = {
                "https://huggingface.co/openai/whisper-tiny, whisper-tiny, openai/whisper-tiny, apache-2.0",
                "https://huggingface.co/parvk11/audience_classifier_model, audience_classifier_model, parvk11/audience_classifier_model, null",
                "https://huggingface.co/microsoft/DialoGPT-medium/tree/main, DialoGPT-medium, microsoft/DialoGPT-medium, mit",
                "https://huggingface.co/arnir0/Tiny-LLM, Tiny-LLM, arnir0/Tiny-LLM, mit"})
        void otherFixtureModels(String url, String name, String repoId, String licence) throws Exception {
            ArtifactContent content = ingest(ArtifactType.MODEL, url).content();

            assertThat(ingest(ArtifactType.MODEL, url).derivedName()).isEqualTo(name);
            assertThat(content.source().repoId()).isEqualTo(repoId);
            assertThat(content.licence()).isEqualTo(licence);
            assertThat(docs(content).readme()).isEqualTo(fixtureText("huggingface/" + repoId + "/resolve/main/README.md"));
            assertThat(docs(content).configJson()).isEqualTo(fixtureText("huggingface/" + repoId + "/resolve/main/config.json"));
            assertListingMatchesSiblings(content.pkg(), "huggingface/api/models/" + repoId + ".json");
            assertBundleHoldsStoredFilesAndManifest(content, "README.md", "config.json");
        }

        @Test
        void legacyIdFollowsTheHubsRedirectToTheCanonicalRepo() throws Exception {
            int legacyBefore = hub.requestCount("/huggingface/api/models/bert-base-uncased");

            IngestedSource result = ingest(ArtifactType.MODEL, "https://huggingface.co/bert-base-uncased");

            assertThat(result.derivedName()).isEqualTo("bert-base-uncased");
            assertThat(result.content().sourceUrl()).isEqualTo("https://huggingface.co/bert-base-uncased");
            assertThat(result.content().source().repoId()).isEqualTo("google-bert/bert-base-uncased");
            assertThat(result.content().source().canonicalUrl()).isEqualTo("https://huggingface.co/google-bert/bert-base-uncased");
            assertThat(hub.requestCount("/huggingface/api/models/bert-base-uncased")).isEqualTo(legacyBefore + 1);
            assertThat(file(result.content().pkg(), "README.md").stored()).isTrue();
            assertThat(docs(result.content()).readme()).contains("BERT base model (uncased)");
        }

        @Test
        void gatedModelKeepsMetadataAndSaysWhyFilesAreMissing() throws Exception {
            int before = hub.requestCount("/huggingface/google/gemma-3-270m/resolve/");

            ArtifactContent content = ingest(ArtifactType.MODEL, "https://huggingface.co/google/gemma-3-270m").content();

            assertThat(content.licence()).isEqualTo("gemma");
            assertThat(content.note()).contains("gated");
            assertThat(docs(content).readme()).isNull();
            assertThat(docs(content).sourceMetadataJson()).contains("\"gated\": \"manual\"");
            assertThat(content.pkg().files()).isNotEmpty().noneMatch(PackageFile::stored);
            assertListingMatchesSiblings(content.pkg(), "huggingface/api/models/google/gemma-3-270m.json");
            assertThat(hub.requestCount("/huggingface/google/gemma-3-270m/resolve/"))
                    .as("stops asking after the first GatedRepo answer").isEqualTo(before + 1);
            assertBundleHoldsStoredFilesAndManifest(content);
        }

        @Test
        void blobUrlStoresTheNamedFileToo() throws Exception {
            ArtifactContent content = ingest(ArtifactType.MODEL,
                    "https://huggingface.co/google-bert/bert-base-uncased/blob/main/config.json").content();
            assertThat(content.source().subPath()).isEqualTo("config.json");
            assertThat(file(content.pkg(), "config.json").stored()).isTrue();
        }

        @Test
        void syntheticModelsIngestLikeRecordedOnes() throws Exception {
            IngestedSource result = ingest(ArtifactType.MODEL, "https://huggingface.co/synthetic/model-00042");
            assertThat(result.derivedName()).isEqualTo("model-00042");
            assertThat(docs(result.content()).readme()).contains("model-00042");
            assertThat(result.content().pkg().declaredBytes()).isGreaterThan(8L * 1024 * 1024);
            assertBundleHoldsStoredFilesAndManifest(result.content(), "README.md", "config.json");
        }
    }

    @Nested
    class HuggingFaceDatasets {

        @Test
        void bookcorpus() throws Exception {
            IngestedSource result = ingest(ArtifactType.DATASET, "https://huggingface.co/datasets/bookcorpus/bookcorpus");

            ArtifactContent content = result.content();
            assertThat(result.derivedName()).isEqualTo("bookcorpus");
            assertThat(content.source().kind()).isEqualTo(SourceKind.HUGGINGFACE_DATASET);
            assertThat(content.source().repoId()).isEqualTo("bookcorpus/bookcorpus");
            assertThat(content.source().revision()).isEqualTo("752ef4e442739e8b0d1ce6a5b4f046e7967f61be");
            assertThat(content.licence()).isEqualTo("unknown");
            assertThat(docs(content).readme()).isEqualTo(fixtureText("huggingface/datasets/bookcorpus/bookcorpus/resolve/main/README.md"));
            assertThat(docs(content).configJson()).isNull();
            assertListingMatchesSiblings(content.pkg(), "huggingface/api/datasets/bookcorpus/bookcorpus.json");
            assertBundleHoldsStoredFilesAndManifest(content, "README.md");
        }

        @Test
        void legacyDatasetIdRedirects() {
            IngestedSource result = ingest(ArtifactType.DATASET, "https://huggingface.co/datasets/squad");
            assertThat(result.derivedName()).isEqualTo("squad");
            assertThat(result.content().source().repoId()).isEqualTo("rajpurkar/squad");
            assertThat(result.content().licence()).isEqualTo("cc-by-4.0");
        }
    }

    @Nested
    class GitHub {

        @Test
        void codeRepository() throws Exception {
            IngestedSource result = ingest(ArtifactType.CODE, "https://github.com/google-research/bert");

            ArtifactContent content = result.content();
            assertThat(result.derivedName()).isEqualTo("google-research-bert");
            assertThat(content.source().kind()).isEqualTo(SourceKind.GITHUB_REPOSITORY);
            assertThat(content.source().repoId()).isEqualTo("google-research/bert");
            assertThat(content.source().revision()).isEqualTo("master");
            assertThat(content.licence()).isEqualTo("Apache-2.0");
            assertThat(docs(content).readme()).isNull(); // the fake records no /readme
            assertThat(docs(content).sourceMetadataJson()).isEqualTo(fixtureText("github/repos/google-research/bert.json"));
            assertThat(content.pkg().declaredBytes()).as("size is KiB").isEqualTo(317L * 1024);
            assertThat(content.note()).contains("no file listing");

            JsonNode licence = JSON.readTree(fixtureText("github/repos/google-research/bert/license.json"));
            byte[] licenceText = Base64.getMimeDecoder().decode(licence.path("content").asText());
            assertThat(content.pkg().files()).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("LICENSE");
                assertThat(f.stored()).isTrue();
                assertThat(f.sizeBytes()).isEqualTo(licenceText.length);
            });
            Map<String, byte[]> bundle = assertBundleHoldsStoredFilesAndManifest(content, "LICENSE");
            assertThat(bundle.get("LICENSE")).isEqualTo(licenceText);
        }

        @Test
        void gitSuffixIsTheSameRepository() {
            IngestedSource result = ingest(ArtifactType.CODE, "https://github.com/openai/whisper.git");
            assertThat(result.derivedName()).isEqualTo("openai-whisper");
            assertThat(result.content().source().repoId()).isEqualTo("openai/whisper");
            assertThat(result.content().source().revision()).isEqualTo("main");
            assertThat(result.content().licence()).isEqualTo("MIT");
            assertThat(result.content().sourceUrl()).isEqualTo("https://github.com/openai/whisper.git");
        }

        @Test
        void gitHubRepositoryAsDataset() {
            IngestedSource result = ingest(ArtifactType.DATASET, "https://github.com/karpathy/nanoGPT");
            assertThat(result.derivedName()).isEqualTo("karpathy-nanoGPT");
            assertThat(result.content().source().kind()).isEqualTo(SourceKind.GITHUB_REPOSITORY);
            assertThat(result.content().licence()).isEqualTo("MIT");
        }

        @Test
        void folderUrlKeepsItsBranchAndPathAndCanonicalCase() {
            IngestedSource result = ingest(ArtifactType.CODE,
                    "https://github.com/HuggingFace/Transformers/tree/main/src/transformers");
            assertThat(result.derivedName()).isEqualTo("HuggingFace-Transformers");
            assertThat(result.content().source().repoId()).isEqualTo("huggingface/transformers");
            assertThat(result.content().source().revision()).isEqualTo("main");
            assertThat(result.content().source().subPath()).isEqualTo("src/transformers");
        }
    }

    @Nested
    class Kaggle {

        @Test
        void registersMetadataOnlyWithoutAnyRequest() throws Exception {
            int before = hub.requestCount("/");
            String url = "https://www.kaggle.com/datasets/hashemi221022/bank-loans";

            IngestedSource result = ingest(ArtifactType.DATASET, url);

            ArtifactContent content = result.content();
            assertThat(result.derivedName()).isEqualTo("bank-loans");
            assertThat(content.source().kind()).isEqualTo(SourceKind.KAGGLE_DATASET);
            assertThat(content.note()).isEqualTo("metadata only: Kaggle sources are not fetched by this registry");
            assertThat(content.licence()).isNull();
            assertThat(content.pkg().files()).isEmpty();
            assertThat(content.pkg().declaredBytes()).isZero();
            assertThat(hub.requestCount("/")).isEqualTo(before);
            assertThat(harness.proxies.requested).isEmpty();
            Map<String, byte[]> bundle = assertBundleHoldsStoredFilesAndManifest(content);
            assertThat(bundle).containsOnlyKeys(RepoPaths.MANIFEST);
        }
    }

    @Nested
    class Failures {

        @ParameterizedTest
        @CsvSource({
                "MODEL, https://huggingface.co/nobody/nothing, No HuggingFace model 'nobody/nothing'",
                "MODEL, https://huggingface.co/no-such-legacy-model, No HuggingFace model 'no-such-legacy-model'",
                "DATASET, https://huggingface.co/datasets/nobody/nothing, No HuggingFace dataset 'nobody/nothing'",
                "CODE, https://github.com/nobody/nothing, No GitHub repository 'nobody/nothing'"})
        void unknownRepositoryIsABadRequest(ArtifactType type, String url, String message) {
            assertThatThrownBy(() -> ingest(type, url)).isInstanceOfSatisfying(RegistryException.class, e -> {
                assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST);
                assertThat(e.getMessage()).contains(message);
            });
        }

        @Test
        void hubDownIsUpstreamUnavailable() {
            try (FakeHub down = FakeHub.start()) {
                down.setDown(true);
                IngestHarness local = new IngestHarness(down.hfEndpoint(), down.githubApiUrl(), blobRoot,
                        Duration.ofSeconds(5));
                for (String url : List.of("https://huggingface.co/google-bert/bert-base-uncased",
                        "https://github.com/google-research/bert")) {
                    assertThatThrownBy(() -> local.ingestor.ingest(ArtifactType.MODEL, url))
                            .isInstanceOfSatisfying(RegistryException.class,
                                    e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UPSTREAM_UNAVAILABLE));
                }
            }
        }

        @Test
        void serverErrorOnAFileDownloadIsUpstreamUnavailable() {
            hub.failNext("/huggingface/openai/whisper-tiny/resolve/", 502);
            assertThatThrownBy(() -> ingest(ArtifactType.MODEL, "https://huggingface.co/openai/whisper-tiny"))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UPSTREAM_UNAVAILABLE));
            assertThat(ingest(ArtifactType.MODEL, "https://huggingface.co/openai/whisper-tiny").content().licence())
                    .as("the failure was transient").isEqualTo("apache-2.0");
        }

        @Test
        void unreachableHostIsUpstreamUnavailable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            IngestHarness local = new IngestHarness("http://127.0.0.1:" + closedPort + "/hf",
                    "http://127.0.0.1:" + closedPort + "/gh", blobRoot, Duration.ofSeconds(5));
            assertThatThrownBy(() -> local.ingestor.ingest(ArtifactType.MODEL, "https://huggingface.co/openai/whisper-tiny"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.UPSTREAM_UNAVAILABLE);
                        assertThat(e.getMessage()).startsWith("HuggingFace").doesNotContain("127.0.0.1");
                    });
        }

        @Test
        void silentHostTimesOut() throws Exception {
            try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
                Thread acceptor = new Thread(() -> {
                    List<Socket> held = new ArrayList<>();
                    try {
                        while (!silent.isClosed()) {
                            held.add(silent.accept()); // accept, never answer
                        }
                    } catch (IOException closed) {
                        held.forEach(s -> {
                            try {
                                s.close();
                            } catch (IOException ignored) {
                                // closing anyway
                            }
                        });
                    }
                });
                acceptor.setDaemon(true);
                acceptor.start();
                IngestHarness local = new IngestHarness("http://127.0.0.1:" + silent.getLocalPort(),
                        "http://127.0.0.1:" + silent.getLocalPort(), blobRoot, Duration.ofMillis(800));
                long start = System.nanoTime();
                assertThatThrownBy(() -> local.ingestor.ingest(ArtifactType.CODE, "https://github.com/openai/whisper"))
                        .isInstanceOfSatisfying(RegistryException.class,
                                e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UPSTREAM_UNAVAILABLE));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        }

        @Test
        void badUrlIsRefusedBeforeAnyRequest() {
            assertThatThrownBy(() -> ingest(ArtifactType.MODEL, "http://localhost:8080/admin"))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST));
            assertThatThrownBy(() -> ingest(ArtifactType.CODE, "https://huggingface.co/google-bert/bert-base-uncased"))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_REQUEST));
            assertThat(harness.proxies.requested).isEmpty();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String fixtureText(String path) throws IOException {
        try (InputStream in = SourceIngestorTest.class.getClassLoader().getResourceAsStream("hub-fixtures/" + path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PackageFile file(StoredPackage pkg, String path) {
        return pkg.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + path));
    }

    /** Every sibling is listed with its declared size (lfs.size for LFS files), and the sum is declaredBytes. */
    private static void assertListingMatchesSiblings(StoredPackage pkg, String infoFixture) throws IOException {
        JsonNode info = JSON.readTree(fixtureText(infoFixture));
        long declared = 0;
        List<String> paths = new ArrayList<>();
        for (JsonNode sibling : info.path("siblings")) {
            long size = sibling.path("lfs").has("size") ? sibling.path("lfs").path("size").asLong()
                    : sibling.path("size").asLong();
            declared += size;
            paths.add(sibling.path("rfilename").asText());
            assertThat(file(pkg, sibling.path("rfilename").asText()).sizeBytes())
                    .as("size of %s", sibling.path("rfilename").asText()).isEqualTo(size);
        }
        assertThat(pkg.files()).extracting(PackageFile::path).containsExactlyElementsOf(paths);
        assertThat(pkg.declaredBytes()).isEqualTo(declared);
    }

    /**
     * The package's digest names its manifest blob; the manifest names the provenance file plus exactly the stored
     * files, each one blob whose bytes have the listed size and hash, and the provenance file lists every file as
     * the package does.
     */
    private Map<String, byte[]> assertBundleHoldsStoredFilesAndManifest(ArtifactContent content, String... mustBeStored)
            throws Exception {
        StoredPackage pkg = content.pkg();
        PackageManifest packageManifest;
        try (InputStream in = harness.blobs.open(pkg.digest()).orElseThrow()) {
            packageManifest = PackageManifest.decode(in.readAllBytes()).orElseThrow();
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long storedBytes = 0;
        for (PackageManifest.Entry entry : packageManifest.entries()) {
            if (entry.isRemote()) {
                // above the eager limit: listed, not stored, fetched from this commit by the first download
                PackageFile listed = file(pkg, entry.path());
                assertThat(listed.stored()).as("%s is not stored at ingest", entry.path()).isFalse();
                assertThat(listed.contentHash()).isEqualTo("sha256:" + entry.sha256());
                assertThat(entry.size()).isEqualTo(listed.sizeBytes()).isGreaterThan(256L * 1024 * 1024);
                assertThat(entry.remote().revision()).isEqualTo(content.source().revision());
                assertThat(entry.remote().repoId()).isEqualTo(content.source().repoId());
                assertThat(harness.blobs.size(entry.sha256())).isEmpty();
                continue;
            }
            byte[] bytes;
            try (InputStream in = harness.blobs.open(entry.sha256()).orElseThrow()) {
                bytes = in.readAllBytes();
            }
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as("blob of %s is addressed by its content", entry.path()).isEqualTo(entry.sha256());
            assertThat((long) bytes.length).isEqualTo(entry.size());
            CRC32 crc = new CRC32();
            crc.update(bytes);
            assertThat(crc.getValue()).as("crc of %s", entry.path()).isEqualTo(entry.crc32());
            assertThat(entry.aspect()).isEqualTo(Aspect.of(entry.path()));
            storedBytes += bytes.length;
            entries.put(entry.path(), bytes);
        }
        assertThat(storedBytes).isEqualTo(pkg.bundleBytes());

        assertThat(entries.keySet()).first().isEqualTo(RepoPaths.MANIFEST);
        for (String path : mustBeStored) {
            assertThat(entries).containsKey(path);
            assertThat(file(pkg, path).stored()).as("%s stored", path).isTrue();
        }
        List<String> stored = pkg.files().stream().filter(PackageFile::stored).map(PackageFile::path).toList();
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(
                concat(List.of(RepoPaths.MANIFEST), stored));
        for (String path : stored) {
            assertThat((long) entries.get(path).length).as("size of stored %s", path).isEqualTo(file(pkg, path).sizeBytes());
            assertThat(Hashes.sha256Tagged(entries.get(path))).isEqualTo(file(pkg, path).contentHash());
        }

        JsonNode manifest = JSON.readTree(entries.get(RepoPaths.MANIFEST));
        assertThat(manifest.path("source_url").asText()).isEqualTo(content.sourceUrl());
        assertThat(manifest.path("kind").asText()).isEqualTo(content.source().kind().name());
        assertThat(manifest.path("repo_id").asText()).isEqualTo(content.source().repoId());
        assertThat(manifest.path("fetched_at").asText()).isNotBlank();
        assertThat(manifest.path("declared_bytes").asLong()).isEqualTo(pkg.declaredBytes());
        assertThat(manifest.path("files")).hasSize(pkg.files().size());
        for (int i = 0; i < pkg.files().size(); i++) {
            JsonNode listed = manifest.path("files").get(i);
            PackageFile file = pkg.files().get(i);
            assertThat(listed.path("path").asText()).isEqualTo(file.path());
            assertThat(listed.path("size").asLong()).isEqualTo(file.sizeBytes());
            assertThat(listed.path("stored").asBoolean()).isEqualTo(file.stored());
        }
        return entries;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
