package io.modelregistry.hub;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What GitHub names look like, written once. {@link #NOT_OWNERS}: first path segments of github.com that are
 * the site's own pages, never a user or an organisation (GitHub reserves them), so {@code github.com/orgs/x}
 * or {@code github.com/topics/nlp} names no repository. Every place that reads a GitHub URL (ingest, card
 * links, lineage, the licence check) asks this one list, so they cannot drift apart again.
 */
public final class GitHubNames {

    /** The union of what the four former copies knew, plus nothing they disagreed on. */
    public static final Set<String> NOT_OWNERS = Set.of("about", "apps", "collections", "contact",
            "customer-stories", "enterprise", "explore", "features", "issues", "login", "marketplace", "new",
            "notifications", "organizations", "orgs", "pricing", "pulls", "readme", "search", "security",
            "settings", "site", "sponsors", "topics", "trending", "users");

    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9._-]{1,96}/[A-Za-z0-9._-]{1,96}");

    private GitHubNames() {
    }

    /** Whether a first path segment of github.com is a site page rather than an owner (case-insensitive). */
    public static boolean isSitePage(String segment) {
        return segment != null && NOT_OWNERS.contains(segment.toLowerCase(Locale.ROOT));
    }

    /** {@code OWNER/REPO} as it may go into an API path: plain characters, no dot segments. */
    public static boolean isFullName(String fullName) {
        return fullName != null && FULL_NAME.matcher(fullName).matches() && !fullName.contains("..");
    }
}
