package io.modelregistry.projection.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What the search smoke tests of both adapters share: a prose-like corpus (names and READMEs drawn from a random
 * vocabulary with a Zipf-like distribution, every hundredth README mentioning bookcorpus) and latency measurement.
 */
public final class SmokeCorpus {

    public static final String AAB = "a".repeat(95) + "b";

    private final Random random;
    private final String[] vocabulary;

    public SmokeCorpus(long seed) {
        this.random = new Random(seed);
        this.vocabulary = vocabulary(random, 4000);
    }

    /** The name of the {@code i}-th artifact: a few fixed ones the tests look for, the rest random. */
    public String name(int i) {
        return switch (i) {
            case 17 -> "google-research-bert";
            case 4242 -> "audience-classifier";
            case 7777 -> AAB;
            default -> vocabulary[zipf(2000)] + "-" + vocabulary[random.nextInt(4000)] + "-" + i;
        };
    }

    /** A 2-10 KB README; the {@code i}-th mentions bookcorpus when {@code i % 100 == 3}. */
    public String readme(int i) {
        int length = 2_000 + random.nextInt(8_000);
        StringBuilder text = new StringBuilder(length + 64);
        text.append("---\nlicense: apache-2.0\ntags:\n- ").append(vocabulary[random.nextInt(50)]).append("\n---\n# ");
        while (text.length() < length) {
            if (random.nextInt(40) == 0) {
                text.append("\n\n## ");
            }
            text.append(vocabulary[zipf(vocabulary.length)]);
            text.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        if (i % 100 == 3) {
            text.insert(random.nextInt(text.length()), " trained on bookcorpus ");
        }
        return text.toString();
    }

    private static String[] vocabulary(Random random, int size) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(9);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = word.toString();
        }
        return words;
    }

    /** Roughly Zipf-distributed index: a few words are very common, most are rare, like prose. */
    private int zipf(int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(size, random.nextDouble())) - 1);
    }

    public record Timing(long[] nanos, int hits) {

        public long percentile(int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        public String line(String what) {
            return String.format(Locale.ROOT, "%-52s p50 %7.2f ms  p99 %7.2f ms  (%d runs, %d hits)", what,
                    percentile(50) / 1e6, percentile(99) / 1e6, nanos.length, hits);
        }
    }

    /** Runs the query (after a few warm-up runs when measuring many) and keeps the last hit count. */
    public static Timing measure(int runs, Supplier<Integer> query) {
        for (int i = 0; i < Math.min(runs - 1, 5); i++) {
            query.get();
        }
        long[] times = new long[runs];
        int hits = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            hits = query.get();
            times[i] = System.nanoTime() - start;
        }
        return new Timing(times, hits);
    }
}
