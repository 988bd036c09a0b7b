package io.modelregistry.query.licence;

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
import org.springframework.stereotype.Component;

/**
 * The licence table, loaded once from {@code licences/licences.yaml} and checked for consistency (every term
 * used has a citation, every referenced licence exists, no alias is ambiguous), so a bad edit fails at start-up
 * instead of producing a silent wrong answer.
 */
@Component
class LicenceTable {

    static final String RESOURCE = "licences/licences.yaml";
    private static final Set<String> CATEGORIES = Set.of("permissive", "weak_copyleft", "strong_copyleft",
            "network_copyleft", "share_alike", "non_commercial", "no_derivatives", "responsible_ai", "community",
            LicenceTerms.NONE, LicenceTerms.UNKNOWN);
    private static final Set<String> SCOPES = Set.of("none", "weak", "strong", "network");
    private static final Set<String> TRIGGERS = Set.of("distribution", "network_use");

    private record Document(List<LicenceTerms> licences) {
    }

    private final Map<String, LicenceTerms> byId = new HashMap<>();
    private final Map<String, LicenceTerms> byName = new HashMap<>();

    LicenceTable() {
        this(load());
    }

    LicenceTable(List<LicenceTerms> licences) {
        for (LicenceTerms terms : licences) {
            if (byId.put(terms.id(), terms) != null) {
                throw invalid(terms.id(), "duplicate id");
            }
        }
        for (LicenceTerms terms : licences) {
            validate(terms);
            register(normalise(terms.id()), terms);
            terms.aliases().forEach(alias -> register(normalise(alias), terms));
        }
        for (String required : List.of(LicenceTerms.NONE, LicenceTerms.UNKNOWN)) {
            if (!byId.containsKey(required)) {
                throw invalid(required, "the table must define it");
            }
        }
    }

    /** The terms of a declared licence: none when nothing is declared, unknown when not recognised. */
    LicenceTerms resolve(String declared) {
        if (declared == null || declared.isBlank()) {
            return byId.get(LicenceTerms.NONE);
        }
        return find(declared).orElse(byId.get(LicenceTerms.UNKNOWN));
    }

    Optional<LicenceTerms> find(String declared) {
        return declared == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(declared)));
    }

    List<LicenceTerms> all() {
        return List.copyOf(byId.values());
    }

    static String normalise(String name) {
        String trimmed = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replaceAll("\\s+", " ");
        return trimmed.length() <= 128 ? trimmed : trimmed.substring(0, 128);
    }

    private void register(String key, LicenceTerms terms) {
        LicenceTerms previous = byName.putIfAbsent(key, terms);
        if (previous != null && previous != terms) {
            throw invalid(terms.id(), "alias '" + key + "' also names " + previous.id());
        }
    }

    private void validate(LicenceTerms t) {
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
        if (!problems.isEmpty()) {
            throw invalid(t.id(), String.join("; ", problems));
        }
    }

    private static IllegalStateException invalid(String id, String problem) {
        return new IllegalStateException("Licence table " + RESOURCE + ", entry " + id + ": " + problem);
    }

    private static List<LicenceTerms> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = LicenceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing licence table " + RESOURCE);
            }
            return yaml.readValue(in, Document.class).licences();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable licence table " + RESOURCE, e);
        }
    }
}
