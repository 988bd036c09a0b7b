package io.modelregistry.fakehub;

import java.util.List;
import java.util.Set;

/**
 * The GitHub REST half of the fake, below {@code /github}: repo metadata, contributors and licence. Owner
 * and repo match case-insensitively, as on GitHub. Everything not recorded answers GitHub's 404 body.
 */
final class GitHubRoutes {

    static final String PREFIX = "/github";
    private static final Set<String> RECORDED_SUBRESOURCES = Set.of("contributors", "license");

    private final FixtureStore fixtures;

    GitHubRoutes(FixtureStore fixtures) {
        this.fixtures = fixtures;
    }

    /** @param segments the decoded path segments after {@code /github} */
    Reply handle(List<String> segments) {
        if (segments.size() < 3 || !segments.get(0).equals("repos")) {
            return notFound();
        }
        String repo = "github/repos/" + segments.get(1) + "/" + segments.get(2);
        if (segments.size() == 3) {
            return serve(repo + ".json");
        }
        if (segments.size() == 4 && RECORDED_SUBRESOURCES.contains(segments.get(3))) {
            return serve(repo + "/" + segments.get(3) + ".json");
        }
        return notFound();
    }

    private Reply serve(String fixturePath) {
        return fixtures.getIgnoringCase(fixturePath).map(body -> Reply.json(200, body)).orElseGet(GitHubRoutes::notFound);
    }

    private static Reply notFound() {
        return Reply.json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                + "\"status\":\"404\"}");
    }
}
