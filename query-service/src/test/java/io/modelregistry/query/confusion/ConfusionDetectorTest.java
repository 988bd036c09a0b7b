package io.modelregistry.query.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata that cuts false positives, the traffic signals, and the blocking bound. */
class ConfusionDetectorTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final Map<String, ArtifactFacts> facts = new HashMap<>();
    private final List<PackageEntry> registered = new ArrayList<>();

    private void register(String id, String repo, String uploader, long downloads, DownloadTraffic traffic) {
        int slash = repo.indexOf('/');
        registered.add(new PackageEntry(id, repo.substring(slash + 1), ArtifactType.MODEL, null));
        facts.put(id, new ArtifactFacts(repo.substring(0, slash), uploader, T0.plusSeconds(registered.size() * 3600L),
                traffic != null ? traffic : new DownloadTraffic(downloads, downloads, false, null)));
    }

    private ConfusionDetector.Report audit(double minScore) {
        return new ConfusionDetector(64).detect(registered, List.of(), facts::get, minScore);
    }

    @Test
    void bertBaseCasedAndUncasedFromTheSameOwnerAreNotFlagged() {
        register("1", "google-bert/bert-base-uncased", "alice", 1_000_000, null);
        register("2", "google-bert/bert-base-cased", "alice", 900_000, null);
        register("3", "google-bert/bert-large-uncased", "alice", 400_000, null);
        assertThat(audit(0.0).findings()).isEmpty();
    }

    @Test
    void aFamilyMemberFromTheSameOwnerScoresLowAndSaysWhy() {
        register("1", "openai-community/gpt2", "alice", 1_000_000, null);
        register("2", "openai-community/gpt2-medium", "alice", 300_000, null);
        Finding finding = audit(0.0).findings().get(0);
        assertThat(finding.category()).isEqualTo(ConfusionCategory.AFFIX);
        assertThat(finding.score()).isLessThan(0.2);
        assertThat(finding.reasons()).anyMatch(r -> r.contains("same hub owner"));
        assertThat(finding.evidence().ownerFactor()).isEqualTo(ConfusionDetector.SAME_OWNER_FACTOR);
    }

    @Test
    void anOwnerLookAlikeWithTheSameRepoNameIsFlaggedHighAgainstThePopularOriginal() {
        register("1", "google-bert/bert-base-uncased", "alice", 1_000_000, null);
        register("2", "goog1e-bert/bert-base-uncased", "mallory", 2, null);
        Finding finding = audit(0.5).findings().get(0);
        assertThat(finding.suspect().id()).isEqualTo("2");
        assertThat(finding.target().id()).isEqualTo("1");
        assertThat(finding.category()).isEqualTo(ConfusionCategory.SCOPE);
        assertThat(finding.score()).isGreaterThan(0.9);
        assertThat(finding.reasons()).anyMatch(r -> r.contains("imitates 'google-bert'"));
    }

    @Test
    void botInflatedDownloadsDoNotMakeALookAlikeLookGenuine() {
        List<DownloadTraffic.Download> bot = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            bot.add(new DownloadTraffic.Download("bot", T0.plusSeconds(60L * i)));
        }
        DownloadTraffic inflated = DownloadTraffic.of(bot, false);
        assertThat(inflated.anomaly()).contains("500 of 500 downloads come from one user");
        register("1", "acme/sentiment-analyzer", "alice", 400, null);
        register("2", "evil/sentiment-analyzr", "mallory", 0, inflated);
        Finding finding = audit(0.5).findings().get(0);
        assertThat(finding.suspect().id()).as("1 distinct user is less popular than 400 downloads").isEqualTo("2");
        assertThat(finding.evidence().trafficBonus()).isEqualTo(ConfusionDetector.TRAFFIC_BONUS);
        assertThat(finding.evidence().suspectDownloads()).isEqualTo(500);
    }

    @Test
    void machineRegularIntervalsFromManyUsersAreAnAnomalyToo() {
        List<DownloadTraffic.Download> regular = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            regular.add(new DownloadTraffic.Download("user" + (i % 20), T0.plusSeconds(30L * i)));
        }
        assertThat(DownloadTraffic.of(regular, false).anomaly()).contains("machine-regular");
        List<DownloadTraffic.Download> human = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 40; i++) {
            t += 10 + (i * 7919L) % 600;
            human.add(new DownloadTraffic.Download("user" + i, T0.plusSeconds(t)));
        }
        assertThat(DownloadTraffic.of(human, false).anomaly()).isNull();
    }

    @Test
    void aWellKnownPackageIsATargetEvenWhenNotRegistered() {
        register("9", "someone/bert-base-uncasd", "mallory", 0, null);
        ConfusionDetector.Report report = new ConfusionDetector(64)
                .detect(registered, WellKnownPackages.load(), facts::get, 0.5);
        Finding finding = report.findings().get(0);
        assertThat(finding.target().wellKnown()).isTrue();
        assertThat(finding.target().repoId()).isEqualTo("google-bert/bert-base-uncased");
        assertThat(finding.category()).isEqualTo(ConfusionCategory.TYPO);
    }

    @Test
    void tenThousandNamesStayWithinTheBlockingBound() {
        String[] words = {"bert", "base", "large", "uncased", "cased", "roberta", "gpt", "llama", "vision", "tiny",
            "sentiment", "encoder", "whisper", "small", "instruct", "chat", "code", "math", "qa", "ner"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            String name = words[random.nextInt(words.length)] + "-" + words[random.nextInt(words.length)] + "-"
                    + (i % 3 == 0 ? "model-" + i : words[random.nextInt(words.length)] + i % 97);
            register(Integer.toString(i), "owner" + (i % 50) + "/" + name, "user" + (i % 50), i % 1000, null);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ConfusionDetector.Report report = audit(0.5);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long keysPerName = NameForms.MAX_TYPO_KEY_LENGTH + 2 * 8 + 10;
        System.out.printf("10000 names: %d comparisons (%.1f per name), %d candidate pairs, %d oversized buckets,"
                + " %d facts fetched, %d findings, %d ms wall, %d ms CPU%n", report.comparisons(),
                report.comparisons() / 10_000.0, report.candidatePairs(), report.oversizedBuckets(), report.factsFetched(),
                report.findings().size(), millis, cpuMillis);
        assertThat(report.comparisons()).isLessThan(10_000L * keysPerName * 64);
        assertThat(report.comparisons()).as("far below all pairs").isLessThan(10_000L * 9_999 / 2 / 10);
    }
}
