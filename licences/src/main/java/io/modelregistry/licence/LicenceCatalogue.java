package io.modelregistry.licence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The licence table, loaded from {@code licences/licences.yaml} and checked for consistency (every term used
 * has a citation, every referenced licence exists, no alias is ambiguous, explicit rating scores are in
 * [0, 1] and explained), so a bad edit fails at start-up instead of producing a silent wrong answer. Lookup is
 * by id or alias, ignoring case, surrounding and repeated spaces, {@code _} versus {@code -}, and a
 * {@code license:} prefix (HuggingFace tags). Immutable; {@link #standard()} is the table every module uses.
 */
public final class LicenceCatalogue {

    public static final String RESOURCE = "licences/licences.yaml";
    private static final int MAX_NAME_CHARS = 128;
    private static final Set<String> CATEGORIES = Set.of("permissive", "weak_copyleft", "strong_copyleft",
            "network_copyleft", "share_alike", "non_commercial", "no_derivatives", "responsible_ai", "community",
            LicenceTerms.NONE, LicenceTerms.UNKNOWN);
    private static final Set<String> SCOPES = Set.of("none", "weak", "strong", "network");
    private static final Set<String> TRIGGERS = Set.of("distribution", "network_use");

    /**
     * How the rating treats a declared licence the table does not model.
     *
     * @param aliases      names that say exactly that ({@code other}, {@code custom}, …): they resolve to
     *                     {@code unknown} and rate like any unrecognised name
     * @param ratingScore  the score of an unrecognised licence
     * @param ratingReason its reason
     */
    public record Unrecognised(List<String> aliases, double ratingScore, String ratingReason) {

        public Unrecognised {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    private record Document(Unrecognised unrecognised, List<LicenceTerms> licences) {
    }

    private static final class Standard {
        static final LicenceCatalogue TABLE = load();
    }

    private final Map<String, LicenceTerms> byId;
    private final Map<String, LicenceTerms> byName;
    private final Set<String> unrecognisedNames;
    private final Unrecognised unrecognised;

    /** The table of {@code licences/licences.yaml}, loaded once per class loader. */
    public static LicenceCatalogue standard() {
        return Standard.TABLE;
    }

    /** A table without names for unrecognised licences, which then score 0 (tests of the validation). */
    LicenceCatalogue(List<LicenceTerms> licences) {
        this(licences, new Unrecognised(List.of(), 0, "not a licence this registry recognises"));
    }

    LicenceCatalogue(List<LicenceTerms> licences, Unrecognised unrecognised) {
        Map<String, LicenceTerms> ids = new HashMap<>();
        Map<String, LicenceTerms> names = new HashMap<>();
        for (LicenceTerms terms : licences) {
            if (ids.put(terms.id(), terms) != null) {
                throw invalid(terms.id(), "duplicate id");
            }
        }
        for (LicenceTerms terms : licences) {
            validate(terms, ids);
            register(names, normalise(terms.id()), terms);
            terms.aliases().forEach(alias -> register(names, normalise(alias), terms));
        }
        for (String required : List.of(LicenceTerms.NONE, LicenceTerms.UNKNOWN)) {
            if (!ids.containsKey(required)) {
                throw invalid(required, "the table must define it");
            }
        }
        if (unrecognised == null || !(unrecognised.ratingScore() >= 0 && unrecognised.ratingScore() <= 1)
                || unrecognised.ratingReason() == null || unrecognised.ratingReason().isBlank()) {
            throw invalid("unrecognised", "a rating_score in [0, 1] and a rating_reason are required");
        }
        List<String> unrecognisedNames = new ArrayList<>();
        for (String alias : unrecognised.aliases()) {
            register(names, normalise(alias), ids.get(LicenceTerms.UNKNOWN));
            unrecognisedNames.add(normalise(alias));
        }
        this.byId = Map.copyOf(ids);
        this.byName = Map.copyOf(names);
        this.unrecognisedNames = Set.copyOf(unrecognisedNames);
        this.unrecognised = unrecognised;
    }

    /** The terms of a declared licence: none when nothing is declared, unknown when not recognised. */
    public LicenceTerms resolve(String declared) {
        if (declared == null || declared.isBlank()) {
            return byId.get(LicenceTerms.NONE);
        }
        return find(declared).orElse(byId.get(LicenceTerms.UNKNOWN));
    }

    /** The terms a name denotes, if the table knows it (an id or an alias). */
    public Optional<LicenceTerms> find(String declared) {
        return declared == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(declared)));
    }

    /**
     * The rating's licence score of a declared licence: nothing declared rates as {@code none} ("no licence
     * declared"), a name the table does not model (or one of the {@code unrecognised} aliases such as
     * {@code other}) as the table's unrecognised score, any other as its entry's {@link LicenceTerms#rating()}.
     */
    public LicenceRating rating(String declared) {
        if (declared == null || declared.isBlank()) {
            LicenceRating none = byId.get(LicenceTerms.NONE).rating();
            return new LicenceRating(none.id(), none.score(), "no licence declared: " + none.reason());
        }
        String name = normalise(declared);
        LicenceTerms terms = byName.get(name);
        if (terms == null || unrecognisedNames.contains(name)) {
            return new LicenceRating(LicenceTerms.UNKNOWN, unrecognised.ratingScore(), unrecognised.ratingReason());
        }
        return terms.rating();
    }

    public List<LicenceTerms> all() {
        return List.copyOf(byId.values());
    }

    public Unrecognised unrecognised() {
        return unrecognised;
    }

    public static String normalise(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("license:")) {
            key = key.substring("license:".length()).strip();
        }
        key = key.replace('_', '-').replaceAll("\\s+", " ");
        return key.length() <= MAX_NAME_CHARS ? key : key.substring(0, MAX_NAME_CHARS);
    }

    private static void register(Map<String, LicenceTerms> names, String key, LicenceTerms terms) {
        LicenceTerms previous = names.putIfAbsent(key, terms);
        if (previous != null && previous != terms) {
            throw invalid(terms.id(), "alias '" + key + "' also names " + previous.id());
        }
    }

    private static void validate(LicenceTerms t, Map<String, LicenceTerms> byId) {
        List<String> problems = new ArrayList<>();
        if (t.grants() == null || t.copyleft() == null) {
            throw invalid(t.id(), "grants and copyleft are required");
        }
        if (!CATEGORIES.contains(t.category())) {
            problems.add("unknown category " + t.category());
        }
        if (!SCOPES.contains(t.copyleft().scope())) {
            problems.add("unknown copyleft scope " + t.copyleft().scope());
        }
        t.copyleft().triggeredBy().stream().filter(x -> !TRIGGERS.contains(x)).forEach(x -> problems.add("unknown trigger " + x));
        List<String> cited = new ArrayList<>(List.of("grant", t.grants().commercial() ? "commercial" : "non_commercial",
                t.forbidsAdditionalRestrictions() ? "no_further_restrictions" : "additional_terms"));
        if (!"none".equals(t.copyleft().scope())) {
            cited.add("copyleft");
        }
        cited.addAll(t.imposes());
        cited.stream().filter(key -> !t.clauses().containsKey(key)).forEach(key -> problems.add("no clause for " + key));
        if (t.copyleft().wholeWork() && !t.copyleft().derivativesUnder().contains(t.id())) {
            problems.add("derivatives_under must include the licence itself");
        }
        List<String> referenced = new ArrayList<>(t.copyleft().derivativesUnder());
        referenced.addAll(t.copyleft().excludedProjects());
        referenced.stream().filter(id -> !byId.containsKey(id)).forEach(id -> problems.add("unknown licence " + id));
        if (t.ratingScore() != null && !(t.ratingScore() >= 0 && t.ratingScore() <= 1)) {
            problems.add("rating_score must be in [0, 1]");
        }
        if ((t.ratingScore() == null) != (t.ratingReason() == null || t.ratingReason().isBlank())) {
            problems.add("rating_score and rating_reason go together");
        }
        if (!problems.isEmpty()) {
            throw invalid(t.id(), String.join("; ", problems));
        }
    }

    private static IllegalStateException invalid(String id, String problem) {
        return new IllegalStateException("Licence table " + RESOURCE + ", entry " + id + ": " + problem);
    }

    private static LicenceCatalogue load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Document document;
        try (InputStream in = LicenceCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing licence table " + RESOURCE);
            }
            document = yaml.readValue(in, Document.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable licence table " + RESOURCE, e);
        }
        return new LicenceCatalogue(document.licences(), document.unrecognised());
    }
}
