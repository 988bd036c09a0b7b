package io.modelregistry.query.confusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds registered packages whose names imitate other registered or well-known packages, and scores each suspicion
 * with metadata (owner, uploader, popularity, age, download traffic) the way ConfuGuard cuts false positives. Plain
 * Java, no I/O: the caller supplies names and a function that fetches an artifact's facts.
 *
 * <p>Work is bounded by blocking: a pair is compared only when the two names share a blocking key (same compact
 * name, same confusable skeleton, same token set, same spelling-folded token set, same version-less name, same
 * phonetic key, a shared one-character deletion, or one name's token sequence with a token or trusted affix removed
 * equals the other's). Each name has at most {@code K = L + 2T + 10} keys (L its compact length, capped at
 * {@value NameForms#MAX_TYPO_KEY_LENGTH}; T its tokens), and a key shared by more than {@code bucketCap} names
 * compares each of them only with the first {@code bucketCap} (well-known first, then in registration order: the
 * likely targets). So comparisons are at most {@code n * K * bucketCap}, linear in n, never n².
 */
public final class ConfusionDetector {

    /** The popularity a well-known package that is not registered stands for. */
    static final long WELL_KNOWN_POPULARITY = 1_000_000;
    static final double SAME_OWNER_FACTOR = 0.25;
    static final double SAME_UPLOADER_FACTOR = 0.5;
    static final double OLDER_SUSPECT_FACTOR = 0.8;
    static final double NO_DOWNLOADS_FACTOR = 0.85;
    static final double TRAFFIC_BONUS = 0.1;

    private final int bucketCap;

    public ConfusionDetector(int bucketCap) {
        if (bucketCap < 2) {
            throw new IllegalArgumentException("bucketCap must be at least 2");
        }
        this.bucketCap = bucketCap;
    }

    /** Findings (each suspect once, with its most likely target), best first, and what the run cost. */
    public record Report(List<Finding> findings, int scanned, long comparisons, int candidatePairs,
                         int oversizedBuckets, int factsFetched) {
    }

    public Report detect(List<PackageEntry> registered, List<PackageEntry> wellKnown,
                         Function<String, ArtifactFacts> facts, double minScore) {
        List<PackageEntry> all = new ArrayList<>(wellKnown.size() + registered.size());
        all.addAll(wellKnown);
        all.addAll(registered);
        List<NameForms> forms = all.stream().map(e -> NameForms.of(e.name())).toList();

        Map<String, List<Integer>> buckets = new HashMap<>();
        Map<String, List<Integer>> sequences = new HashMap<>();
        Map<String, List<Integer>> compacts = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            NameForms f = forms.get(i);
            String type = all.get(i).type().name() + "|";
            Set<String> keys = new HashSet<>();
            keys.add("e:" + f.compact);
            keys.add("h:" + f.skeleton);
            keys.add("t:" + f.sortedTokens());
            keys.add("s:" + f.sortedSpellingTokens());
            if (!f.versionless.isEmpty()) {
                keys.add("v:" + f.versionless);
            }
            keys.add("p:" + f.tokens.size() + f.phonetic);
            f.oneDeletions().forEach(k -> keys.add("d:" + k));
            for (String key : keys) {
                buckets.computeIfAbsent(type + key, k -> new ArrayList<>(2)).add(i);
            }
            sequences.computeIfAbsent(type + f.tokenSequence(), k -> new ArrayList<>(1)).add(i);
            compacts.computeIfAbsent(type + f.compact, k -> new ArrayList<>(1)).add(i);
        }

        PairCollector pairs = new PairCollector(all, forms, wellKnown.size());
        int oversized = 0;
        for (List<Integer> members : buckets.values()) {
            if (members.size() < 2) {
                continue;
            }
            int targets = Math.min(members.size(), bucketCap);
            if (members.size() > bucketCap) {
                oversized++;
            }
            for (int a = 0; a < targets; a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    pairs.offer(members.get(a), members.get(b));
                }
            }
        }
        for (int i = 0; i < all.size(); i++) {
            NameForms f = forms.get(i);
            String type = all.get(i).type().name() + "|";
            for (String shorter : f.shorterTokenSequences()) {
                probe(sequences.get(type + shorter), i, pairs);
            }
            for (String core : ConfusionClassifier.withoutGluedAffixes(f.compact)) {
                probe(compacts.get(type + core), i, pairs);
            }
        }

        Map<String, ArtifactFacts> cache = new HashMap<>();
        Function<PackageEntry, ArtifactFacts> factsOf = e -> e.wellKnown()
                ? new ArtifactFacts(e.owner(), null, null, null)
                : cache.computeIfAbsent(e.id(), id -> Optional.ofNullable(facts.apply(id)).orElse(ArtifactFacts.UNKNOWN));
        Map<String, Finding> bestPerSuspect = new LinkedHashMap<>();
        for (long[] pair : pairs.candidates) {
            score((int) pair[0], (int) pair[1], all, forms, factsOf).filter(f -> f.score() >= minScore).ifPresent(f ->
                    bestPerSuspect.merge(f.suspect().id(), f, (x, y) -> y.score() > x.score() ? y : x));
        }
        List<Finding> findings = new ArrayList<>(bestPerSuspect.values());
        findings.sort(Comparator.comparingDouble(Finding::score).reversed()
                .thenComparing(f -> f.suspect().name()).thenComparing(f -> f.suspect().id()));
        return new Report(findings, registered.size(), pairs.comparisons, pairs.candidates.size(), oversized,
                cache.size());
    }

    private void probe(List<Integer> matches, int i, PairCollector pairs) {
        if (matches == null) {
            return;
        }
        for (int k = 0; k < Math.min(matches.size(), bucketCap); k++) {
            pairs.offer(matches.get(k), i);
        }
    }

    /** Compares each distinct pair once; keeps the pairs whose names match in some direction. */
    private static final class PairCollector {
        final List<PackageEntry> all;
        final List<NameForms> forms;
        final int wellKnownCount;
        final Set<Long> seen = new HashSet<>();
        final List<long[]> candidates = new ArrayList<>();
        long comparisons;

        PairCollector(List<PackageEntry> all, List<NameForms> forms, int wellKnownCount) {
            this.all = all;
            this.forms = forms;
            this.wellKnownCount = wellKnownCount;
        }

        void offer(int a, int b) {
            if (a == b || (a < wellKnownCount && b < wellKnownCount)) {
                return;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            if (!seen.add(((long) lo << 32) | hi)) {
                return;
            }
            comparisons++;
            if (ConfusionClassifier.classify(forms.get(lo), forms.get(hi)).or(
                    () -> ConfusionClassifier.classify(forms.get(hi), forms.get(lo))).isPresent()) {
                candidates.add(new long[] {lo, hi});
            }
        }
    }

    private Optional<Finding> score(int a, int b, List<PackageEntry> all, List<NameForms> forms,
                                    Function<PackageEntry, ArtifactFacts> factsOf) {
        PackageEntry ea = all.get(a);
        PackageEntry eb = all.get(b);
        ArtifactFacts fa = factsOf.apply(ea);
        ArtifactFacts fb = factsOf.apply(eb);
        boolean bIsTarget = targetFirst(eb, fb, b, ea, fa, a);
        int s = bIsTarget ? a : b;
        int t = bIsTarget ? b : a;
        PackageEntry suspect = all.get(s);
        PackageEntry target = all.get(t);
        ArtifactFacts sf = bIsTarget ? fa : fb;
        ArtifactFacts tf = bIsTarget ? fb : fa;
        Optional<NameMatch> named = ConfusionClassifier.classify(forms.get(s), forms.get(t));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(score(new PackageEntry(suspect.id(), suspect.name(), suspect.type(), sf.owner()), sf,
                new PackageEntry(target.id(), target.name(), target.type(), tf.owner()), tf, named.get(),
                forms.get(s), forms.get(t)));
    }

    /** True when {@code x} is the more likely target: well-known, then more popular, then older, then earlier. */
    private static boolean targetFirst(PackageEntry x, ArtifactFacts xf, int xi, PackageEntry y, ArtifactFacts yf,
                                       int yi) {
        if (x.wellKnown() != y.wellKnown()) {
            return x.wellKnown();
        }
        long px = popularity(x, xf);
        long py = popularity(y, yf);
        if (px != py) {
            return px > py;
        }
        Instant rx = xf.registeredAt();
        Instant ry = yf.registeredAt();
        if (rx != null && ry != null && !rx.equals(ry)) {
            return rx.isBefore(ry);
        }
        return xi < yi;
    }

    private static long popularity(PackageEntry e, ArtifactFacts facts) {
        if (e.wellKnown()) {
            return WELL_KNOWN_POPULARITY;
        }
        return facts.traffic() == null ? 0 : facts.traffic().effectivePopularity();
    }

    static Finding score(PackageEntry suspect, ArtifactFacts sf, PackageEntry target, ArtifactFacts tf,
                         NameMatch match, NameForms sForms, NameForms tForms) {
        List<String> reasons = new ArrayList<>();
        ConfusionCategory category = match.category();
        String so = suspect.owner();
        String to = target.owner();
        boolean ownersKnown = so != null && to != null;
        Boolean sameOwner = ownersKnown ? so.equalsIgnoreCase(to) : null;
        double nameScore = category.baseScore();
        reasons.add("'" + suspect.repoId() + "' resembles '" + target.repoId() + "': " + match.detail() + ".");
        if (match.trustWordAffix()) {
            nameScore = 0.80;
        }
        if (category == ConfusionCategory.SCOPE) {
            if (!ownersKnown) {
                nameScore = 0.5;
                reasons.add("Which owner publishes each is unknown, so the shared name alone is weak evidence.");
            } else if (Boolean.TRUE.equals(sameOwner)) {
                return null;
            } else if (NameForms.skeletonOf(so.toLowerCase(Locale.ROOT)).equals(NameForms.skeletonOf(to.toLowerCase(Locale.ROOT)))
                    || ConfusionClassifier.distance(so.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT)) <= 1) {
                nameScore = 0.95;
                reasons.add("The owner '" + so + "' itself imitates '" + to + "'.");
            }
        }

        double ownerFactor = 1.0;
        Boolean sameUploader = sf.uploader() != null && tf.uploader() != null ? sf.uploader().equals(tf.uploader()) : null;
        if (Boolean.TRUE.equals(sameOwner)) {
            ownerFactor = SAME_OWNER_FACTOR;
            reasons.add("The same hub owner '" + so + "' publishes both: a family of names, not an imitation.");
        } else if (Boolean.TRUE.equals(sameUploader)) {
            ownerFactor = SAME_UPLOADER_FACTOR;
            reasons.add("The same registry user '" + sf.uploader() + "' registered both.");
        }

        DownloadTraffic st = sf.traffic() == null ? DownloadTraffic.NONE : sf.traffic();
        long sPop = st.effectivePopularity();
        long tPop = popularity(target, tf);
        double popularityFactor;
        if (sPop == 0 && tPop == 0) {
            popularityFactor = NO_DOWNLOADS_FACTOR;
            reasons.add("Neither has been downloaded yet, so popularity says nothing.");
        } else {
            double share = Math.log1p(tPop) / (Math.log1p(tPop) + Math.log1p(sPop));
            popularityFactor = 0.6 + 0.6 * (2 * share - 1);
            if (target.wellKnown()) {
                reasons.add("The target is a well-known package; the suspect has " + sPop + " counted downloads.");
            } else if (share >= 0.75) {
                reasons.add("The target is far more popular (" + tPop + " against " + sPop + " counted downloads).");
            } else {
                reasons.add("Both are comparably popular (" + tPop + " and " + sPop
                        + " counted downloads): more likely two genuine packages.");
            }
        }

        double ageFactor = 1.0;
        Boolean after = sf.registeredAt() != null && tf.registeredAt() != null
                ? !sf.registeredAt().isBefore(tf.registeredAt()) : null;
        if (Boolean.FALSE.equals(after)) {
            ageFactor = OLDER_SUSPECT_FACTOR;
            reasons.add("The suspect was registered before the package it resembles.");
        }

        double trafficBonus = 0;
        if (st.anomaly() != null) {
            trafficBonus = TRAFFIC_BONUS;
            reasons.add("The suspect's downloads look bot-made (" + st.anomaly() + "); only its " + st.distinctUsers()
                    + " distinct users count as popularity.");
        }
        double raw = Math.min(1.0, nameScore * ownerFactor * popularityFactor * ageFactor + trafficBonus);
        double score = Math.round(raw * 1000) / 1000.0;
        DownloadTraffic tt = tf.traffic();
        Finding.Evidence evidence = new Finding.Evidence(match.editDistance() >= 0 ? match.editDistance()
                        : ConfusionClassifier.distance(sForms.compact, tForms.compact), sForms.skeleton, tForms.skeleton,
                st.downloads(), st.distinctUsers(), target.wellKnown() || tt == null ? null : tt.downloads(), sameOwner,
                sameUploader, after, st.anomaly(), nameScore, ownerFactor, round(popularityFactor), ageFactor,
                trafficBonus);
        String summary = String.format(Locale.ROOT, "%s looks like a %s of %s (score %.2f)", suspect.repoId(),
                category.wireName().replace('_', ' '), target.repoId(), score);
        return new Finding(suspect, target, category, score, summary, List.copyOf(reasons), evidence);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
