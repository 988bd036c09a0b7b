package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.rating.RatingMetric;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Quality of the linked code repositories, the best of them (0 without evidence when none is linked or
 * reachable; partly measured from metadata alone when no file listing is available):
 * <pre>
 *   metadata (GitHub's repository record):
 *     0.25 licence · 0.10 description · 0.20 not archived · 0.25 log-scaled stars (1,000 = 1)
 *     · 0.20 contributors / 5, capped
 *   structure (the default branch's files, from GitHub's tree or the clone):
 *     0.30 tests · 0.20 CI configuration · 0.15 lint/format configuration · 0.20 documentation (README 0.5,
 *     plus a docs folder or CONTRIBUTING 1) · 0.15 packaging (setup.py, pyproject.toml, requirements.txt, ...)
 *   score = (metadata + structure) / 2, or metadata alone when no file listing is available
 * </pre>
 */
final class CodeQuality implements Metric {

    @Override
    public Set<Evidence> needs() {
        return Set.of(Evidence.CLONE);
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.CODE_QUALITY;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        double best = 0;
        boolean listed = false;
        boolean any = false;
        String why = subject.repositories().isEmpty() ? "no code repository linked" : "no linked repository is reachable";
        for (RepositoryEvidence repository : subject.repositories()) {
            if (!repository.reachable()) {
                continue;
            }
            double metadata = metadata(repository);
            Optional<List<String>> files = subject.filesOf(repository);
            double score = files.map(f -> (metadata + structure(f)) / 2).orElse(metadata);
            if (score >= best) {
                best = score;
                any = true;
                listed = files.isPresent();
                why = repository.fullName() + ": metadata " + Scores.two(metadata)
                        + files.map(f -> ", structure " + Scores.two(structure(f)) + " (" + f.size() + " files)")
                        .orElse(", no file listing (metadata only)");
            }
        }
        if (!any) {
            return MetricValue.unknown(0, why);
        }
        return listed ? MetricValue.of(best, why) : MetricValue.partial(best, why);
    }

    static double metadata(RepositoryEvidence repository) {
        JsonNode repo = repository.repo();
        String licence = repo.path("license").path("spdx_id").asText("");
        boolean licensed = !licence.isBlank() && !licence.equalsIgnoreCase("NOASSERTION");
        boolean described = !repo.path("description").asText("").isBlank();
        boolean live = !repo.path("archived").asBoolean(false) && !repo.path("disabled").asBoolean(false);
        double stars = Scores.logScale(repo.path("stargazers_count").asLong(0), 1_000);
        double people = Math.min(1, repository.contributors().size() / 5.0);
        return 0.25 * (licensed ? 1 : 0) + 0.10 * (described ? 1 : 0) + 0.20 * (live ? 1 : 0) + 0.25 * stars
                + 0.20 * people;
    }

    static double structure(List<String> files) {
        boolean tests = false;
        boolean ci = false;
        boolean lint = false;
        boolean readme = false;
        boolean docs = false;
        boolean packaging = false;
        for (String path : files) {
            String p = path.toLowerCase(Locale.ROOT);
            String name = p.substring(p.lastIndexOf('/') + 1);
            tests |= p.startsWith("test/") || p.startsWith("tests/") || p.contains("/test/") || p.contains("/tests/")
                    || name.startsWith("test_") || name.endsWith("_test.py") || name.endsWith("test.java")
                    || name.endsWith(".test.js") || name.endsWith(".test.ts") || name.endsWith("_test.go");
            ci |= p.startsWith(".github/workflows/") || name.equals(".travis.yml") || name.equals(".gitlab-ci.yml")
                    || p.startsWith(".circleci/") || name.equals("azure-pipelines.yml") || name.equals("jenkinsfile");
            lint |= name.equals(".flake8") || name.equals(".pylintrc") || name.equals("ruff.toml")
                    || name.equals(".ruff.toml") || name.equals(".pre-commit-config.yaml") || name.equals("setup.cfg")
                    || name.equals(".editorconfig") || name.startsWith(".eslintrc") || name.equals("mypy.ini")
                    || name.equals("tox.ini") || name.equals(".prettierrc") || name.equals("checkstyle.xml");
            readme |= !p.contains("/") && name.startsWith("readme");
            docs |= p.startsWith("docs/") || p.startsWith("doc/") || name.startsWith("contributing");
            packaging |= name.equals("setup.py") || name.equals("pyproject.toml") || name.equals("requirements.txt")
                    || name.equals("environment.yml") || name.equals("package.json") || name.equals("pom.xml")
                    || name.equals("build.gradle") || name.equals("cargo.toml") || name.equals("go.mod");
        }
        double documentation = docs && readme ? 1 : readme || docs ? 0.5 : 0;
        return 0.30 * (tests ? 1 : 0) + 0.20 * (ci ? 1 : 0) + 0.15 * (lint ? 1 : 0) + 0.20 * documentation
                + 0.15 * (packaging ? 1 : 0);
    }
}
