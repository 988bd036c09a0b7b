package io.modelregistry.projection.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link Requirement} into a query over README trigrams that every README containing a match
 * satisfies. Literals shorter than a trigram constrain nothing. To keep the query small, each literal uses at
 * most {@value #MAX_TRIGRAMS_PER_LITERAL} of its trigrams and the whole query at most {@value #MAX_TERMS}
 * terms; dropping a constraint only admits more candidates, which verification filters, so it stays correct.
 */
final class TrigramPrefilter {

    static final int MAX_TRIGRAMS_PER_LITERAL = 16;
    static final int MAX_TERMS = 512;

    private final Analyzer trigrams = new TrigramAnalyzer();

    /** Empty when the requirement does not narrow the READMEs (every README must be checked). */
    Optional<Query> toQuery(Requirement requirement) {
        return build(requirement, new int[] {MAX_TERMS});
    }

    private Optional<Query> build(Requirement requirement, int[] budget) {
        if (requirement instanceof Requirement.Contains contains) {
            return literal(contains.literal(), budget);
        }
        if (requirement instanceof Requirement.AllOf all) {
            List<Query> parts = new ArrayList<>();
            for (Requirement part : all.parts()) {
                build(part, budget).ifPresent(parts::add);   // a conjunct we cannot express is just dropped
            }
            return combine(parts, Occur.FILTER);
        }
        if (requirement instanceof Requirement.AnyOf anyOf) {
            List<Query> parts = new ArrayList<>();
            for (Requirement part : anyOf.parts()) {
                Optional<Query> query = build(part, budget);
                if (query.isEmpty()) {
                    return Optional.empty();   // one unconstrained alternative admits every README
                }
                parts.add(query.get());
            }
            return combine(parts, Occur.SHOULD);
        }
        return Optional.empty();
    }

    private Optional<Query> literal(String literal, int[] budget) {
        List<String> grams = sample(trigramsOf(literal));
        if (grams.isEmpty() || grams.size() > budget[0]) {
            return Optional.empty();
        }
        budget[0] -= grams.size();
        List<Query> terms = new ArrayList<>(grams.size());
        for (String gram : grams) {
            terms.add(new TermQuery(new Term(ArtifactFields.README_TRIGRAMS, gram)));
        }
        return combine(terms, Occur.FILTER);
    }

    private static Optional<Query> combine(List<Query> parts, Occur occur) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Query part : parts) {
            builder.add(part, occur);
        }
        return Optional.of(builder.build());
    }

    /** Evenly spread, including the first and last, when a literal has more trigrams than we use. */
    private static List<String> sample(List<String> grams) {
        if (grams.size() <= MAX_TRIGRAMS_PER_LITERAL) {
            return grams;
        }
        Set<String> picked = new LinkedHashSet<>();
        for (int i = 0; i < MAX_TRIGRAMS_PER_LITERAL; i++) {
            picked.add(grams.get((int) ((long) i * (grams.size() - 1) / (MAX_TRIGRAMS_PER_LITERAL - 1))));
        }
        return List.copyOf(picked);
    }

    List<String> trigramsOf(String text) {
        Set<String> grams = new LinkedHashSet<>();
        try (TokenStream stream = trigrams.tokenStream(ArtifactFields.README_TRIGRAMS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                grams.add(term.toString());
            }
            stream.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);   // reading a String does not fail
        }
        return List.copyOf(grams);
    }
}
