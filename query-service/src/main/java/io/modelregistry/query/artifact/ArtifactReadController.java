package io.modelregistry.query.artifact;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.audit.AuditEntry;
import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.projection.timetravel.PastReadModels;
import io.modelregistry.projection.timetravel.TimeTravel;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactEnvelope;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.SearchPage;
import io.modelregistry.api.sensitive.ModelGuard;
import io.modelregistry.api.sensitive.SensitiveModels;
import io.modelregistry.api.version.SemanticVersions;
import io.modelregistry.api.version.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The read endpoints of the contract over the directory, search and audit read models. */
@RestController
@EnableConfigurationProperties(ArtifactQueryProperties.class)
class ArtifactReadController {

    static final int MAX_REGEX_RESULTS = 1000;
    static final int MAX_AUDIT_ENTRIES = 10_000;

    private final ArtifactDirectory directory;
    private final ArtifactSearch search;
    private final AuditTrail audit;
    private final DownloadLinkSigner links;
    private final ReadModelBarrier readModels;
    private final SensitiveModels sensitive;
    private final int pageSize;
    private final int maxResultWindow;
    private final TimeTravel timeTravel;

    ArtifactReadController(ArtifactDirectory directory, ArtifactSearch search, AuditTrail audit,
                           DownloadLinkSigner links, ReadModelBarrier readModels, SensitiveModels sensitive,
                           ArtifactQueryProperties properties, TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
        this.directory = directory;
        this.sensitive = sensitive;
        this.search = search;
        this.audit = audit;
        this.links = links;
        this.readModels = readModels;
        this.pageSize = properties.pageSize();
        this.maxResultWindow = properties.maxResultWindow();
    }

    @Requires(Access.DOWNLOAD)
    @GetMapping(path = "/artifacts/{artifact_type}/{id}", produces = "application/json")
    ArtifactEnvelope get(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                         @RequestParam(name = "version", required = false) String versionParam,
                         @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf,
                         @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        ArtifactDirectory directory = asOf == null ? this.directory : timeTravel.at(asOf).directory();
        ArtifactRecord record = existing(directory, typeParam, idParam);
        if (versionParam != null) {
            // extension: that version's content and download; without it, the latest version's
            String version = SemanticVersions.normalise(versionParam);
            String id = record.id();
            record = directory.find(id, version).orElseThrow(() -> ErrorMessage.ARTIFACT_NO_SUCH_VERSION.exception(typeParam, id, version));
        }
        String downloadUrl = downloadUrl(record, actor);
        return new ArtifactEnvelope(ArtifactEnvelope.Metadata.of(record.name(), record.id(), record.type()),
                new ArtifactEnvelope.Data(record.sourceUrl(), downloadUrl));
    }

    /**
     * Extension: every version of the artifact, newest (highest precedence) first, each with its own package,
     * sizes, licence, provenance and a signed download link; {@code ?version=} (an exact version or a range)
     * keeps those in it. The first entry is the latest: what the contract's endpoints answer for.
     */
    @Requires(Access.DOWNLOAD)
    @GetMapping(path = "/artifacts/{artifact_type}/{id}/versions", produces = "application/json")
    List<Map<String, Object>> versions(@PathVariable("artifact_type") String typeParam,
                                       @PathVariable("id") String idParam,
                                       @RequestParam(name = "version", required = false) String versionParam,
                                       @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        VersionRange range = versionParam == null ? null : VersionRange.parse(versionParam);
        ArtifactRecord artifact = existing(directory, typeParam, idParam);
        List<ArtifactRecord> versions = directory.versions(artifact.id());
        String latest = versions.isEmpty() ? artifact.version() : versions.get(0).version();
        return versions.stream().filter(v -> range == null || range.matches(v.version()))
                .map(v -> versionEntry(v, latest, downloadUrl(v, actor))).toList();
    }

    private String downloadUrl(ArtifactRecord record, Actor actor) {
        return links.link(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
                record.id(), record.packageDigest(), actor.username(), actor.admin());
    }

    private static Map<String, Object> versionEntry(ArtifactRecord v, String latest, String downloadUrl) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", v.version());
        entry.put("latest", v.version().equals(latest));
        entry.put("package_digest", v.packageDigest());
        entry.put("bundle_bytes", v.bundleBytes());
        entry.put("declared_bytes", v.declaredBytes());
        entry.put("licence", v.licence());
        entry.put("source_url", v.sourceUrl());
        entry.put("registered_at", v.registeredAt().toString());
        entry.put("registered_by", v.registeredBy());
        entry.put("updated_at", v.updatedAt().toString());
        entry.put("download_url", downloadUrl);
        return entry;
    }

    /**
     * Pages of {@code registry.search.page-size} (100) entries; the {@code offset} header names the next page
     * and is absent on the last one. A query matching more than {@code max-result-window} (10,000) artifacts
     * is refused with 413: narrow it by name or type.
     */
    @Requires(Access.SEARCH)
    @PostMapping(path = "/artifacts", produces = "application/json")
    ResponseEntity<List<ArtifactEnvelope.Metadata>> list(@RequestBody(required = false) JsonNode body,
                                                          @RequestParam(name = "offset", required = false) String offsetParam,
                                                          @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        var queries = ArtifactQueries.parse(body);
        int offset = parseOffset(offsetParam);
        ArtifactSearch search = asOf == null ? this.search : timeTravel.at(asOf).search();
        SearchPage page = search.list(queries, offset, pageSize);
        if (page.total() > maxResultWindow) {
            throw ErrorMessage.ARTIFACT_QUERY_MATCHES_ARTIFACTS_MOST.exception(page.total(), maxResultWindow);
        }
        var response = ResponseEntity.ok();
        int next = offset + page.items().size();
        if (next < page.total()) {
            response.header("offset", Integer.toString(next));
        }
        return response.body(page.items().stream().map(ArtifactReadController::metadata).toList());
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/byName/{name}", produces = "application/json")
    List<ArtifactEnvelope.Metadata> byName(@PathVariable("name") String name) {
        if (name.isBlank() || name.length() > ArtifactQueries.MAX_NAME) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_NAME_MUST_1.exception(ArtifactQueries.MAX_NAME);
        }
        if ("*".equals(name)) {
            throw ErrorMessage.ARTIFACT_RESERVED_USE_POST_ARTIFACTS.exception();
        }
        var hits = search.byName(name);
        if (hits.isEmpty()) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_NAMED.exception(name);
        }
        return hits.stream().map(ArtifactReadController::metadata).toList();
    }

    @Requires(Access.SEARCH)
    @PostMapping(path = "/artifact/byRegEx", produces = "application/json")
    List<ArtifactEnvelope.Metadata> byRegex(@RequestBody(required = false) JsonNode body,
                                            @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        JsonNode regex = body == null || !body.isObject() ? null : body.get("regex");
        if (regex == null || !regex.isTextual() || regex.asText().isEmpty()) {
            throw ErrorMessage.ARTIFACT_BODY_MUST_REGEX_PATTERN.exception();
        }
        ArtifactSearch search = asOf == null ? this.search : timeTravel.at(asOf).search();
        // extension: {"regex": ..., "version": ...} keeps the artifacts with a version in the range
        var hits = withoutSensitiveReadmeMatches(regex.asText(),
                search.byRegex(regex.asText(), ArtifactQueries.version(body), MAX_REGEX_RESULTS));
        if (hits.isEmpty()) {
            throw ErrorMessage.ARTIFACT_ARTIFACT_NAME_README_MATCHES.exception();
        }
        return hits.stream().map(ArtifactReadController::metadata).toList();
    }

    /**
     * A sensitive model's README is its card aspect, which only a vetted download may show: a hit on one counts only
     * when the pattern matches its name, or the search would answer, one pattern at a time, what its card says. The
     * pattern has passed the search's bounds, so compiling it again is cheap; the hits are at most
     * {@value #MAX_REGEX_RESULTS} names.
     */
    private List<ArtifactSummary> withoutSensitiveReadmeMatches(String regex, List<ArtifactSummary> hits) {
        Pattern pattern = null;
        List<ArtifactSummary> kept = new ArrayList<>(hits.size());
        for (ArtifactSummary hit : hits) {
            if (sensitive.guard(hit.id()).filter(ModelGuard::sensitive).isPresent()) {
                pattern = pattern != null ? pattern : Pattern.compile(regex);
                if (!pattern.matcher(hit.name()).find()) {
                    continue;
                }
            }
            kept.add(hit);
        }
        return kept;
    }

    /**
     * Downloads are answered before the audit projection applies them (their bytes never wait for it); this read
     * waits, at most {@code registry.read-your-writes.read-timeout}, until it has applied every download that was
     * recorded before the read began, so a download always shows in the next audit read (503 past the bound).
     */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/{artifact_type}/{id}/audit", produces = "application/json")
    List<Map<String, Object>> audit(@PathVariable("artifact_type") String typeParam, @PathVariable("id") String idParam,
                                    @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        if (asOf != null) {
            // the past is complete as replayed: nothing to wait for
            PastReadModels past = timeTravel.at(asOf);
            ArtifactRecord record = existing(past.directory(), typeParam, idParam);
            return past.audit().entriesFor(record.id(), MAX_AUDIT_ENTRIES).stream()
                    .map(ArtifactReadController::auditEntry).toList();
        }
        readModels.awaitMarked();
        ArtifactRecord record = existing(directory, typeParam, idParam);
        return audit.entriesFor(record.id(), MAX_AUDIT_ENTRIES).stream().map(ArtifactReadController::auditEntry).toList();
    }

    private static ArtifactRecord existing(ArtifactDirectory directory, String typeParam, String idParam) {
        ArtifactType type = ArtifactIdentifiers.type(typeParam);
        String id = ArtifactIdentifiers.id(idParam);
        return directory.find(type, id).orElseThrow(() ->
                ErrorMessage.ARTIFACT_NO_TYPED_ARTIFACT_WITH_ID.exception(type.wireName(), id));
    }

    private static int parseOffset(String offset) {
        if (offset == null || offset.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(offset.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ErrorMessage.ARTIFACT_OFFSET_MUST_NON_NEGATIVE.exception();
        }
    }

    private static ArtifactEnvelope.Metadata metadata(ArtifactSummary summary) {
        return ArtifactEnvelope.Metadata.of(summary.name(), summary.id(), summary.type());
    }

    private static Map<String, Object> auditEntry(AuditEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", Map.of("name", entry.username(), "is_admin", entry.admin()));
        body.put("date", entry.at().toString());
        body.put("artifact", ArtifactEnvelope.Metadata.of(entry.artifactName(), entry.artifactId(),
                entry.artifactType()));
        body.put("action", entry.action());
        if (entry.version() != null) {
            body.put("version", entry.version());   // extension: which version the action concerned
        }
        return body;
    }
}
