package io.modelregistry.projection.search.query;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.search.NameQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The bounds every search adapter puts on its arguments, checked before any work, with the same answers. */
public final class SearchArguments {

    /** More queries than a client plausibly needs; bounds the size of the backend's query. */
    public static final int MAX_QUERIES = 100;

    private SearchArguments() {
    }

    public static void requireName(String exactName) {
        if (exactName == null) {
            throw ErrorMessage.SEARCH_ARTIFACT_NAME_REQUIRED.exception();
        }
    }

    public static void requireListing(List<NameQuery> queries, int offset, int limit) {
        if (queries == null || queries.isEmpty() || queries.stream().anyMatch(Objects::isNull)) {
            throw ErrorMessage.SEARCH_LEAST_ARTIFACT_QUERY_REQUIRED.exception();
        }
        if (queries.size() > MAX_QUERIES) {
            throw ErrorMessage.SEARCH_MOST_ARTIFACT_QUERIES_ALLOWED.exception(MAX_QUERIES);
        }
        if (offset < 0 || limit < 0) {
            throw ErrorMessage.SEARCH_OFFSET_LIMIT_MUST_NEGATIVE.exception();
        }
    }

    /**
     * The pattern of a regex search, compiled and checked even when {@code limit} is 0 (a bad pattern is a bad request
     * whatever the limit); empty when there is nothing to search for.
     */
    public static Optional<UserRegex> regex(String pattern, int limit) {
        if (limit < 0) {
            throw ErrorMessage.SEARCH_LIMIT_MUST_NEGATIVE.exception();
        }
        UserRegex regex = UserRegex.compile(pattern);
        return limit == 0 ? Optional.empty() : Optional.of(regex);
    }
}
