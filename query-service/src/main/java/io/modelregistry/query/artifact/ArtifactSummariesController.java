package io.modelregistry.query.artifact;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.audit.AuditTrail;
import io.modelregistry.api.card.ArtifactCard;
import io.modelregistry.api.card.ArtifactCards;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rating.RatingReadModel;
import io.modelregistry.api.rating.StoredRating;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a list of search results shows, for a page of them in one request: name, type, licence, task, tags, net score,
 * vetting, size, age and downloads. The contract's search answers names and ids only; without this, each result
 * cost a client four reads.
 */
@RestController
class ArtifactSummariesController {

    static final int MAX_IDS = 100;

    private final ArtifactDirectory directory;
    private final ArtifactCards cards;
    private final RatingReadModel ratings;
    private final AuditTrail audit;
    private final ReadModelBarrier readModels;

    ArtifactSummariesController(ArtifactDirectory directory, ArtifactCards cards, RatingReadModel ratings,
                                AuditTrail audit, ReadModelBarrier readModels) {
        this.directory = directory;
        this.cards = cards;
        this.ratings = ratings;
        this.audit = audit;
        this.readModels = readModels;
    }

    @Requires(Access.SEARCH)
    @PostMapping(path = "/artifacts/summaries", produces = "application/json")
    List<Map<String, Object>> summaries(@RequestBody(required = false) JsonNode body) {
        Set<String> ids = ids(body);
        // Download counts come from the audit trail, which a download does not wait for: wait for it here instead.
        readModels.awaitMarked();
        Map<String, ArtifactCard> latestCards = cards.latest(ids);
        Map<String, Long> downloads = audit.downloadCounts(ids);
        List<Map<String, Object>> result = new ArrayList<>();
        for (String id : ids) {
            Optional<ArtifactRecord> found = directory.find(id);
            if (found.isEmpty()) {
                continue;
            }
            ArtifactRecord record = found.get();
            ArtifactCard card = latestCards.get(id);
            Optional<StoredRating> rating = ratings.latest(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", record.id());
            row.put("name", record.name());
            row.put("type", record.type().wireName());
            row.put("version", card == null ? null : card.version());
            row.put("source_url", record.sourceUrl());
            row.put("licence", card != null ? card.licence() : record.licence());
            row.put("task", card == null ? null : card.task());
            row.put("tags", card == null ? List.of() : card.tags());
            row.put("net_score", rating.map(r -> r.outcome().rating().scores().netScore()).orElse(null));
            row.put("vetted", rating.map(r -> r.outcome().vetted()).orElse(null));
            row.put("size_bytes", record.declaredBytes());
            row.put("stored_bytes", record.bundleBytes());
            row.put("registered_at", record.registeredAt().toString());
            row.put("updated_at", record.updatedAt().toString());
            row.put("downloads", downloads.getOrDefault(id, 0L));
            result.add(row);
        }
        return result;
    }

    private static Set<String> ids(JsonNode body) {
        JsonNode ids = body == null ? null : body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw ErrorMessage.ARTIFACT_BODY_MUST_IDS_MOST.exception(MAX_IDS);
        }
        if (ids.size() > MAX_IDS) {
            throw ErrorMessage.ARTIFACT_MOST_IDS_PER_REQUEST.exception(MAX_IDS, ids.size());
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw ErrorMessage.ARTIFACT_EVERY_ID_MUST_STRING.exception();
            }
            result.add(ArtifactIdentifiers.id(id.asText()));
        }
        return result;
    }
}
