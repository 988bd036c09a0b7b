package io.modelregistry.query.licence;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.Requires;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /artifact/model/{id}/license-check} answers the contract's bare boolean;
 * {@code POST /artifact/model/{id}/license-check/explain} (extension) the same check with both licences and
 * every reason, for the UI.
 */
@RestController
class LicenceCheckController {

    private final LicenceCheck check;

    LicenceCheckController(LicenceCheck check) {
        this.check = check;
    }

    @Requires(Access.SEARCH)
    @PostMapping(path = "/artifact/model/{id}/license-check", produces = "application/json")
    boolean check(@PathVariable("id") String id, @RequestBody(required = false) JsonNode body) {
        return check.explain(ArtifactIdentifiers.id(id), body).compatible();
    }

    @Requires(Access.SEARCH)
    @PostMapping(path = "/artifact/model/{id}/license-check/explain", produces = "application/json")
    LicenceExplanation explain(@PathVariable("id") String id, @RequestBody(required = false) JsonNode body) {
        return check.explain(ArtifactIdentifiers.id(id), body);
    }
}
