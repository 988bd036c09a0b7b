package io.modelregistry.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.fakehub.CodeRepository;
import io.modelregistry.fakehub.FakeHub;
import io.modelregistry.fakehub.ModelCommit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plausible git histories, with pull requests and reviews, for the GitHub repositories the fixture models link,
 * built from what the fixtures record of each (its default branch and its contributors list): the fixtures
 * record no real history, so the history is made to agree with the recorded contributors. Deterministic: the
 * same repositories, shas and counts on every run.
 *
 * <p>The rule, per repository, with {@value #BUDGET} commits to share: every recorded contributor gets
 * {@code max(1, round(contributions × 40 / total))} commits. The first (top) contributor is the maintainer and
 * commits directly to the default branch; everyone else's commits arrive through pull requests of at most
 * {@value #PER_PULL} commits, opened in order of contributor rank, each merged by the maintainer with a merge
 * commit that counts as one of the maintainer's commits (as GitHub's contributors list counts it), so the
 * maintainer commits directly {@code max(1, own − merges)} times. An odd-numbered pull request is approved by
 * the maintainer before it is merged, an even-numbered one is merged with a comment only. Every non-merge
 * commit adds one Python file of {@value #LINES} code lines, so reviewedness is the share of non-merge commits
 * that came through an odd-numbered pull request; the maintainer's direct commits are spread evenly between the
 * merges. The first commit also lays out the repository's top level as the real one roughly has it ({@link #LAYOUT}:
 * an approximation, not recorded), so code_quality judges a plausible structure; its Python files there are empty,
 * so they add no code lines.
 */
public final class FixtureCodeRepositories {

    /** The GitHub repositories the fixture models link (a model's primary repository), in the fixtures. */
    public static final List<String> LINKED = List.of("google-research/bert", "openai/whisper", "microsoft/DialoGPT",
            "vikhyat/moondream", "mv-lab/swin2sr", "huggingface/lerobot");

    /** Top-level files (README, licence, tests, CI, lint and packaging configuration) per repository. */
    static final Map<String, List<String>> LAYOUT = Map.of(
            "google-research/bert", List.of("README.md", "LICENSE", "CONTRIBUTING.md", "requirements.txt", "modeling_test.py"),
            "openai/whisper", List.of("README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml", "requirements.txt",
                    "tests/__init__.py", ".github/workflows/test.yml", ".pre-commit-config.yaml", ".flake8"),
            "microsoft/DialoGPT", List.of("README.md", "LICENSE", "SECURITY.md", "CODE_OF_CONDUCT.md", "requirements.txt"),
            "vikhyat/moondream", List.of("README.md", "LICENSE", "requirements.txt", "tests/__init__.py"),
            "mv-lab/swin2sr", List.of("README.md", "LICENSE", "requirements.txt"),
            "huggingface/lerobot", List.of("README.md", "LICENSE", "CONTRIBUTING.md", "pyproject.toml", "tests/__init__.py",
                    ".github/workflows/test.yml", ".pre-commit-config.yaml", "docs/README.md"));

    static final int BUDGET = 40;
    static final int PER_PULL = 3;
    static final int LINES = 4;

    private FixtureCodeRepositories() {
    }

    /**
     * Built once per test JVM and kept open (several tests serve them, and building some 250 commits costs seconds on
     * a loaded machine); a served repository is copied into each hub's git root, so hubs never share files.
     */
    private static Map<String, CodeRepository> built;

    /** Serves every repository in {@link #LINKED} (after {@code hub.serveGit}); returns how many. */
    public static int serveAll(FakeHub hub) {
        builtRepositories().values().forEach(hub::serve);
        return LINKED.size();
    }

    private static synchronized Map<String, CodeRepository> builtRepositories() {
        if (built == null) {
            try {
                long started = System.nanoTime();
                Path work = Files.createTempDirectory("fixture-code-repositories");
                Map<String, CodeRepository> repositories = new java.util.LinkedHashMap<>();
                for (String fullName : LINKED) {
                    repositories.put(fullName, build(work.resolve(fullName), fullName, contributors(fullName)));
                }
                built = repositories;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    repositories.values().forEach(CodeRepository::close);
                    deleteTree(work);
                }));
                System.out.printf(java.util.Locale.ROOT, "[fixture repositories] %d built in %.2f s%n",
                        repositories.size(), (System.nanoTime() - started) / 1e9);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return built;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the JVM is ending; a left-over temporary directory is harmless
        }
    }

    /**
     * The model repository's history as far as the fixtures know it: its uploader (the repo id's namespace) alone,
     * three commits. The real histories have more people, so bus factor rated on this is a lower bound.
     */
    public static void serveUploaderHistory(FakeHub hub, String repoId) {
        String uploader = repoId.substring(0, repoId.indexOf('/'));
        hub.serveModelCommits(repoId, List.of(ModelCommit.by(uploader), ModelCommit.by(uploader), ModelCommit.by(uploader)));
    }

    /** The recorded contributors of {@code fullName}: login and contributions, in the recorded (descending) order. */
    public static List<Map.Entry<String, Long>> contributors(String fullName) {
        JsonNode list = recorded("/hub-fixtures/github/repos/" + fullName + "/contributors.json");
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        list.forEach(c -> out.add(Map.entry(c.path("login").asText(), c.path("contributions").asLong())));
        return out;
    }

    /** Builds {@code fullName} by the rule above from {@code contributors} (login, contributions; the first maintains). */
    public static CodeRepository build(Path work, String fullName, List<Map.Entry<String, Long>> contributors) {
        String[] name = fullName.split("/");
        String branch = recorded("/hub-fixtures/github/repos/" + fullName + ".json").path("default_branch").asText("main");
        long total = contributors.stream().mapToLong(Map.Entry::getValue).sum();
        List<Integer> commits = contributors.stream()
                .map(c -> (int) Math.max(1, Math.round(c.getValue() * (double) BUDGET / total))).toList();
        // each contributor but the maintainer: their commits in pull requests of at most PER_PULL, in rank order
        record Pull(String author, int commits) {
        }
        List<Pull> pulls = new ArrayList<>();
        for (int i = 1; i < contributors.size(); i++) {
            for (int left = commits.get(i); left > 0; left -= PER_PULL) {
                pulls.add(new Pull(contributors.get(i).getKey(), Math.min(PER_PULL, left)));
            }
        }
        String maintainer = contributors.get(0).getKey();
        int direct = Math.max(1, commits.get(0) - pulls.size());
        CodeRepository repository = CodeRepository.create(work, name[0], name[1], branch);
        int file = 0;
        int directDone = 0;
        for (int p = 0; p <= pulls.size(); p++) {
            // direct commits before pull request p (and the rest after the last), spread evenly, at least one first
            int due = pulls.isEmpty() ? direct : Math.max(1, (int) Math.round(direct * (p + 1) / (double) (pulls.size() + 1)));
            for (; directDone < Math.min(direct, p == pulls.size() ? direct : due); directDone++) {
                Map<String, String> files = new java.util.TreeMap<>();
                if (file == 0) {
                    LAYOUT.getOrDefault(fullName, List.of()).forEach(path -> files.put(path, path.endsWith(".py") ? ""
                            : "# " + fullName + "\n"));
                }
                files.put(module(name[1], file), code(file));
                repository.commit(maintainer, files, "change " + module(name[1], file));
                file++;
            }
            if (p == pulls.size()) {
                break;
            }
            Pull pull = pulls.get(p);
            int number = p + 1;
            repository.openPullRequest(number, pull.author());
            for (int c = 0; c < pull.commits(); c++) {
                repository.commit(pull.author(), module(name[1], file), code(file));
                file++;
            }
            repository.mergePullRequest(maintainer, number % 2 == 1 ? CodeRepository.Review.approved(maintainer)
                    : CodeRepository.Review.commented(maintainer));
        }
        return repository;
    }

    private static String module(String repo, int file) {
        return repo.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "/module_" + file + ".py";
    }

    private static String code(int file) {
        return "def step_" + file + "(x):\n    y = x * " + (file + 2) + "\n    z = y + " + file + "\n    return z\n";
    }

    private static JsonNode recorded(String resource) {
        try (InputStream in = FakeHub.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("not in the fixtures: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
