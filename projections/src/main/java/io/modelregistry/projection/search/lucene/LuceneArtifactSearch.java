package io.modelregistry.projection.search.lucene;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.search.ArtifactSearch;
import io.modelregistry.api.search.ArtifactSummary;
import io.modelregistry.api.search.IndexStats;
import io.modelregistry.api.search.NameQuery;
import io.modelregistry.api.search.SearchPage;
import io.modelregistry.api.version.VersionRange;
import io.modelregistry.projection.search.query.SearchArguments;
import io.modelregistry.projection.search.query.SearchBudget;
import io.modelregistry.projection.search.query.UserRegex;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@link ArtifactSearch} on the local Lucene index (the embedded default). */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(LuceneSearchProperties.class)
public class LuceneArtifactSearch implements ArtifactSearch {

    private static final Sort REGISTRATION_ORDER = new Sort(new SortField(ArtifactFields.ORDER, SortField.Type.LONG));

    private final SearchIndex index;
    private final RegexSearch regexSearch;
    private final Duration regexBudget;

    @Autowired
    LuceneArtifactSearch(SearchIndex index, LuceneSearchProperties properties) {
        this(index, properties.regexBudget());
    }

    /** Public for a replay's own index (time travel). */
    public LuceneArtifactSearch(SearchIndex index, Duration regexBudget) {
        this.index = index;
        this.regexSearch = new RegexSearch(new TrigramPrefilter());
        this.regexBudget = regexBudget;
    }

    @Override
    public List<ArtifactSummary> byName(String exactName) {
        SearchArguments.requireName(exactName);
        Query query = new TermQuery(new Term(ArtifactFields.NAME, exactName));
        return index.read(searcher -> page(searcher, query, 0, Integer.MAX_VALUE).items());
    }

    @Override
    public SearchPage list(List<NameQuery> queries, int offset, int limit) {
        SearchArguments.requireListing(queries, offset, limit);
        return index.read(searcher -> page(searcher, union(searcher, queries), offset, limit));
    }

    @Override
    public List<ArtifactSummary> byRegex(String pattern, VersionRange version, int limit) {
        Optional<UserRegex> compiled = SearchArguments.regex(pattern, limit);
        if (compiled.isEmpty()) {
            return List.of();
        }
        UserRegex regex = compiled.get();
        SearchBudget budget = SearchBudget.startingNow(regexBudget);
        return index.read(searcher -> Summaries.read(searcher, regexSearch.find(searcher, regex,
                version == null ? null : VersionFilter.filter(searcher, version), limit, budget)));
    }

    @Override
    public IndexStats stats() {
        return index.stats();
    }

    private static SearchPage page(IndexSearcher searcher, Query query, int offset, int limit) throws IOException {
        int total = searcher.count(query);
        int end = (int) Math.min(total, (long) offset + limit);
        if (end <= offset) {
            return new SearchPage(List.of(), total);
        }
        TopFieldDocs top = searcher.search(query, end, REGISTRATION_ORDER);
        List<DocRef> refs = new ArrayList<>(end - offset);
        for (int i = offset; i < Math.min(end, top.scoreDocs.length); i++) {
            ScoreDoc hit = top.scoreDocs[i];
            refs.add(Summaries.ref(searcher, hit));
        }
        return new SearchPage(Summaries.read(searcher, refs), total);
    }

    /** Documents matching any of the queries; a disjunction counts each document once. */
    private static Query union(IndexSearcher searcher, List<NameQuery> queries) throws IOException {
        BooleanQuery.Builder union = new BooleanQuery.Builder();
        for (NameQuery nameQuery : queries) {
            Query one = toQuery(searcher, nameQuery);
            if (one instanceof MatchAllDocsQuery) {
                return one;
            }
            union.add(one, Occur.SHOULD);
        }
        return union.build();
    }

    private static Query toQuery(IndexSearcher searcher, NameQuery nameQuery) throws IOException {
        List<Query> parts = new ArrayList<>(3);
        if (nameQuery.version() != null) {
            parts.add(VersionFilter.filter(searcher, nameQuery.version()));
        }
        if (!nameQuery.allNames()) {
            parts.add(new TermQuery(new Term(ArtifactFields.NAME, nameQuery.name())));
        }
        if (!nameQuery.types().isEmpty() && nameQuery.types().size() < ArtifactType.values().length) {
            BooleanQuery.Builder types = new BooleanQuery.Builder();
            for (ArtifactType type : nameQuery.types()) {
                types.add(new TermQuery(new Term(ArtifactFields.TYPE, type.wireName())), Occur.SHOULD);
            }
            parts.add(types.build());
        }
        if (parts.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        parts.forEach(part -> all.add(part, Occur.FILTER));
        return all.build();
    }
}
