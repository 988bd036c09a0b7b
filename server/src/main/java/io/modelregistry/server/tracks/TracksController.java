package io.modelregistry.server.tracks;

import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /tracks}: the registry plans all four tracks of the contract. */
@RestController
class TracksController {

    @Requires(Access.PUBLIC)
    @GetMapping(path = "/tracks", produces = "application/json")
    Map<String, List<String>> tracks() {
        return Map.of("plannedTracks", List.of("Performance track", "Access control track", "High assurance track",
                "Other Security track"));
    }
}
