package io.modelregistry.query.rating;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.ContractRating;
import io.modelregistry.api.rating.IngestRefusal;
import io.modelregistry.api.rating.RatingOutcome;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.projection.timetravel.PastReadModels;
import io.modelregistry.projection.timetravel.TimeTravel;
import io.modelregistry.api.rating.StoredRating;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.version.SemanticVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /artifact/model/{id}/rate}: the model's latest recorded rating, read from the ratings read model
 * (never recomputed here). 404 for an unknown id, a non-model, or a model not rated yet; 500 when the latest
 * rating recorded a failed metric (the contract's "error while computing at least one metric"); otherwise the
 * contract's {@code ModelRating}. Extensions: the rating history, the vetting, and the refused ingests.
 */
@RestController
class RatingReadController {

    static final int MAX_HISTORY = 1_000;
    static final int MAX_REFUSALS = 1_000;

    private final ArtifactDirectory directory;
    private final RatingReadModel ratings;
    private final TimeTravel timeTravel;

    RatingReadController(ArtifactDirectory directory, RatingReadModel ratings, TimeTravel timeTravel) {
        this.directory = directory;
        this.ratings = ratings;
        this.timeTravel = timeTravel;
    }

    /** The read models a read answers from: the live ones, or those replayed up to {@code as_of}. */
    private record Models(ArtifactDirectory directory, RatingReadModel ratings) {
    }

    private Models models(String asOf) {
        if (asOf == null) {
            return new Models(directory, ratings);
        }
        PastReadModels past = timeTravel.at(asOf);
        return new Models(past.directory(), past.ratings());
    }

    /** The latest rating of the model, or of one of its versions, now or as of a past moment. */
    private StoredRating rating(String idParam, String version, String asOf) {
        Models models = models(asOf);
        return version == null ? latest(models, idParam) : latestOf(models, idParam, version);
    }

    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/rate", produces = "application/json")
    Map<String, Object> rate(@PathVariable("id") String idParam,
                             @RequestParam(name = "version", required = false) String version,
                             @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        StoredRating latest = rating(idParam, version, asOf);
        RatingOutcome outcome = latest.outcome();
        if (outcome.failed()) {
            String failed = String.join(", ", outcome.failedMetrics());
            String why = outcome.failedMetrics().stream()
                    .map(m -> outcome.reasons().getOrDefault(m, "").replaceFirst("^failed: ", ""))
                    .filter(s -> !s.isBlank()).findFirst().orElse("");
            throw ErrorMessage.RATING_RATING_MODEL_FAILED_METRIC.exception(latest.artifactId(), failed, (why.isEmpty() ? "" : " (" + why + ")"), latest.artifactId());
        }
        return ContractRating.of(outcome);
    }

    /** Extension: every rating of the model, oldest first, each with when, why, by whom, and the per-metric reasons. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/rate/history", produces = "application/json")
    List<Map<String, Object>> history(@PathVariable("id") String idParam,
                                      @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        Models models = models(asOf);
        String id = existingModel(models, idParam);
        return models.ratings().history(id, MAX_HISTORY).stream().map(RatingReadController::entry).toList();
    }

    /**
     * Extension: the latest rating's reason for every metric, each with its value and whether that value was
     * measured, partly measured, had no evidence (its documented "unknown" value), or failed; ratings recorded
     * before the evidence was say {@code unrecorded}. Answers for a failed rating too (where {@code /rate} is 500),
     * since that is when a reader most needs the reasons.
     */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/rate/reasons", produces = "application/json")
    Map<String, Object> reasons(@PathVariable("id") String idParam,
                                @RequestParam(name = "version", required = false) String version,
                                @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        return RatingReasons.of(rating(idParam, version, asOf));
    }

    /** Extension: whether the model passed the ingest gate, and if not, why. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/artifact/model/{id}/vetting", produces = "application/json")
    Map<String, Object> vetting(@PathVariable("id") String idParam,
                                @RequestParam(name = TimeTravel.PARAMETER, required = false) String asOf) {
        StoredRating latest = latest(models(asOf), idParam);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vetted", latest.outcome().vetted());
        body.put("gate_policy", latest.outcome().gatePolicy());
        body.put("note", ContractRating.vettingNote(latest.outcome()));
        body.put("below_threshold", latest.outcome().gateFindings());
        body.put("failed_metrics", latest.outcome().failedMetrics());
        body.put("rated_at", latest.ratedAt().toString());
        return body;
    }

    /** Extension: the public models the ingest gate refused (policy enforce), newest first. */
    @Requires(Access.SEARCH)
    @GetMapping(path = "/ingest/refusals", produces = "application/json")
    List<Map<String, Object>> refusals() {
        return ratings.refusals(MAX_REFUSALS).stream().map(RatingReadController::refusal).toList();
    }

    /** Extension {@code ?version=}: that version's latest rating; 404 for a version the model does not have. */
    private StoredRating latestOf(Models models, String idParam, String versionParam) {
        String version = SemanticVersions.normalise(versionParam);
        String id = existingModel(models, idParam);
        models.directory().find(id, version).orElseThrow(() ->
                ErrorMessage.RATING_MODEL_VERSION.exception(id, version));
        return models.ratings().latest(id, version).orElseThrow(() ->
                ErrorMessage.RATING_VERSION_MODEL_RATING_YET.exception(version, id));
    }

    private StoredRating latest(Models models, String idParam) {
        String id = existingModel(models, idParam);
        return models.ratings().latest(id).orElseThrow(() -> ErrorMessage.RATING_MODEL_RATING_YET.exception(id));
    }

    private static String existingModel(Models models, String idParam) {
        String id = ArtifactIdentifiers.id(idParam);
        models.directory().find(ArtifactType.MODEL, id).orElseThrow(() ->
                ErrorMessage.ARTIFACT_NO_MODEL_WITH_ID.exception(id));
        return id;
    }

    private static Map<String, Object> entry(StoredRating stored) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rated_at", stored.ratedAt().toString());
        entry.put("trigger", stored.outcome().trigger().name());
        entry.put("rated_by", stored.ratedBy());
        entry.put("version", stored.version());
        entry.put("failed_metrics", stored.outcome().failedMetrics());
        entry.put("vetted", stored.outcome().vetted());
        entry.put("gate_policy", stored.outcome().gatePolicy());
        entry.put("rating", ContractRating.of(stored.outcome()));
        entry.put("reasons", stored.outcome().reasons());
        if (stored.outcome().triggeredBy() != null) {
            entry.put("triggered_by", stored.outcome().triggeredBy());
        }
        entry.put("links", stored.outcome().links().stream().map(RatingReadController::link).toList());
        return entry;
    }

    private static Map<String, Object> link(io.modelregistry.api.rating.RatingLink link) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", link.kind());
        out.put("target", link.target());
        if (link.artifactId() != null) {
            out.put("artifact_id", link.artifactId());
        }
        out.put("via", link.via());
        out.put("reachable", link.reachable());
        return out;
    }

    private static Map<String, Object> refusal(IngestRefusal refusal) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("refused_at", refusal.refusedAt().toString());
        entry.put("url", refusal.sourceUrl());
        entry.put("name", refusal.name());
        entry.put("refused_by", refusal.refusedBy());
        entry.put("message", refusal.message());
        entry.put("below_threshold", refusal.outcome().gateFindings());
        entry.put("rating", ContractRating.withVetting(refusal.outcome()));
        return entry;
    }
}
