package io.modelregistry.projection.search.query;

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
            throw RegistryException.badRequest("An artifact name is required.");
        }
    }

    public static void requireListing(List<NameQuery> queries, int offset, int limit) {
        if (queries == null || queries.isEmpty() || queries.stream().anyMatch(Objects::isNull)) {
            throw RegistryException.badRequest("At least one artifact query is required.");
        }
        if (queries.size() > MAX_QUERIES) {
            throw RegistryException.badRequest("At most " + MAX_QUERIES + " artifact queries are allowed.");
        }
        if (offset < 0 || limit < 0) {
            throw RegistryException.badRequest("offset and limit must not be negative.");
        }
    }

    /**
     * The pattern of a regex search, compiled and checked even when {@code limit} is 0 (a bad pattern is a bad request
     * whatever the limit); empty when there is nothing to search for.
     */
    public static Optional<UserRegex> regex(String pattern, int limit) {
        if (limit < 0) {
            throw RegistryException.badRequest("limit must not be negative.");
        }
        UserRegex regex = UserRegex.compile(pattern);
        return limit == 0 ? Optional.empty() : Optional.of(regex);
    }
}
