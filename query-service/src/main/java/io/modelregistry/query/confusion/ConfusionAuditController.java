package io.modelregistry.query.confusion;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.audit.AuditEntry;
import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.SearchPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /artifacts/confusion-audit}: the registered artifacts whose names imitate other registered or well-known
 * packages, best suspects first. One path segment under {@code /artifacts}, so it cannot be taken for the contract's
 * {@code /artifacts/{artifact_type}/{id}}. Reads the search, directory and audit read models; writes nothing.
 */
@RestController
@EnableConfigurationProperties(ConfusionAuditProperties.class)
class ConfusionAuditController {

    static final int MAX_LIMIT = 500;
    private static final int PAGE = 1000;

    private final ArtifactSearch search;
    private final ArtifactDirectory directory;
    private final AuditTrail audit;
    private final ConfusionAuditProperties properties;
    private final List<PackageEntry> wellKnown = WellKnownPackages.load();

    ConfusionAuditController(ArtifactSearch search, ArtifactDirectory directory, AuditTrail audit,
                             ConfusionAuditProperties properties) {
        this.search = search;
        this.directory = directory;
        this.audit = audit;
        this.properties = properties;
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifacts/confusion-audit", produces = "application/json")
    Map<String, Object> audit(@RequestParam(name = "type", required = false) String typeParam,
                              @RequestParam(name = "min_score", required = false) String minScoreParam,
                              @RequestParam(name = "limit", required = false) String limitParam) {
        Set<ArtifactType> types = typeParam == null ? Set.of() : Set.of(ArtifactIdentifiers.type(typeParam));
        double minScore = minScore(minScoreParam);
        int limit = limit(limitParam);

        List<PackageEntry> registered = new ArrayList<>();
        long total = 0;
        for (int offset = 0; offset < properties.maxArtifacts(); offset += PAGE) {
            SearchPage page = search.list(List.of(new NameQuery(NameQuery.ALL_NAMES, types)), offset,
                    Math.min(PAGE, properties.maxArtifacts() - offset));
            total = page.total();
            for (ArtifactSummary item : page.items()) {
                registered.add(new PackageEntry(item.id(), item.name(), item.type(), null));
            }
            if (page.items().isEmpty() || offset + page.items().size() >= total) {
                break;
            }
        }
        List<PackageEntry> targets = types.isEmpty() ? wellKnown
                : wellKnown.stream().filter(e -> types.contains(e.type())).toList();
        ConfusionDetector.Report report = new ConfusionDetector(properties.bucketCap())
                .detect(registered, targets, this::facts, minScore);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scanned", report.scanned());
        body.put("truncated", total > registered.size());
        body.put("comparisons", report.comparisons());
        body.put("candidate_pairs", report.candidatePairs());
        body.put("oversized_buckets", report.oversizedBuckets());
        body.put("min_score", minScore);
        body.put("findings", report.findings().stream().limit(limit).map(ConfusionAuditController::view).toList());
        return body;
    }

    private ArtifactFacts facts(String id) {
        ArtifactRecord record = directory.find(id).orElse(null);
        List<AuditEntry> entries = audit.entriesFor(id, properties.maxTrailEntries());
        List<DownloadTraffic.Download> downloads = entries.stream().filter(e -> "DOWNLOAD".equals(e.action()))
                .map(e -> new DownloadTraffic.Download(e.username(), e.at())).toList();
        DownloadTraffic traffic = DownloadTraffic.of(downloads, entries.size() >= properties.maxTrailEntries());
        if (record == null) {
            return new ArtifactFacts(null, null, null, traffic);
        }
        String repo = record.repoId();
        String owner = repo != null && repo.indexOf('/') > 0 ? repo.substring(0, repo.indexOf('/')) : null;
        return new ArtifactFacts(owner, record.registeredBy(), record.registeredAt(), traffic);
    }

    private static double minScore(String value) {
        if (value == null) {
            return 0.5;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ErrorMessage.CONFUSION_MIN_SCORE_MUST_NUMBER.exception();
    }

    private static int limit(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ErrorMessage.DOWNLOADS_LIMIT_MUST_WHOLE_NUMBER.exception(MAX_LIMIT);
    }

    private static Map<String, Object> view(Finding finding) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("suspect", entry(finding.suspect()));
        view.put("target", entry(finding.target()));
        view.put("category", finding.category().wireName());
        view.put("score", finding.score());
        view.put("summary", finding.summary());
        view.put("reasons", finding.reasons());
        Finding.Evidence e = finding.evidence();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("edit_distance", e.editDistance());
        numbers.put("suspect_skeleton", e.suspectSkeleton());
        numbers.put("target_skeleton", e.targetSkeleton());
        numbers.put("suspect_downloads", e.suspectDownloads());
        numbers.put("suspect_distinct_users", e.suspectDistinctUsers());
        numbers.put("target_downloads", e.targetDownloads());
        numbers.put("same_owner", e.sameOwner());
        numbers.put("same_uploader", e.sameUploader());
        numbers.put("suspect_registered_after_target", e.suspectRegisteredAfterTarget());
        numbers.put("traffic_anomaly", e.trafficAnomaly());
        numbers.put("name_score", e.nameScore());
        numbers.put("owner_factor", e.ownerFactor());
        numbers.put("popularity_factor", e.popularityFactor());
        numbers.put("age_factor", e.ageFactor());
        numbers.put("traffic_bonus", e.trafficBonus());
        view.put("evidence", numbers);
        return view;
    }

    private static Map<String, Object> entry(PackageEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("name", entry.name());
        view.put("type", entry.type().wireName());
        view.put("repo_id", entry.owner() == null ? null : entry.repoId());
        view.put("well_known", entry.wellKnown());
        return view;
    }
}
