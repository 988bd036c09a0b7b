package io.modelregistry.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LicenceCatalogueTest {

    private final LicenceCatalogue table = LicenceCatalogue.standard();
    private final CompatibilityEngine engine = new CompatibilityEngine();

    @Test
    void coversTheLicencesMostModelsAndProjectsUse() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("MIT", "MIT"), Map.entry("apache-2.0", "Apache-2.0"), Map.entry("BSD-2-Clause", "BSD-2-Clause"),
                Map.entry("bsd-3-clause", "BSD-3-Clause"), Map.entry("GPL-2.0", "GPL-2.0"), Map.entry("gpl-3.0", "GPL-3.0"),
                Map.entry("LGPL-2.1", "LGPL-2.1"), Map.entry("lgpl-3.0", "LGPL-3.0"), Map.entry("AGPL-3.0", "AGPL-3.0"),
                Map.entry("MPL-2.0", "MPL-2.0"), Map.entry("cc-by-4.0", "CC-BY-4.0"), Map.entry("cc-by-sa-4.0", "CC-BY-SA-4.0"),
                Map.entry("cc-by-nc-4.0", "CC-BY-NC-4.0"), Map.entry("cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0"),
                Map.entry("cc-by-nd-4.0", "CC-BY-ND-4.0"), Map.entry("openrail", "OpenRAIL-M"),
                Map.entry("OpenRAIL-M", "OpenRAIL-M"), Map.entry("creativeml-openrail-m", "CreativeML-OpenRAIL-M"),
                Map.entry("bigscience-openrail-m", "BigScience-OpenRAIL-M"), Map.entry("openrail++", "CreativeML-OpenRAIL-M"),
                Map.entry("llama2", "Llama-2"), Map.entry("llama3", "Llama-3"), Map.entry("llama3.1", "Llama-3"),
                Map.entry("gemma", "Gemma"), Map.entry("other", "unknown"), Map.entry("NOASSERTION", "unknown"),
                Map.entry("GPL-3.0-only", "GPL-3.0"), Map.entry("  Apache_2.0 ", "Apache-2.0"));
        expected.forEach((declared, id) -> assertThat(table.resolve(declared).id()).as(declared).isEqualTo(id));
        assertThat(table.resolve(null).id()).isEqualTo("none");
        assertThat(table.resolve(" ").id()).isEqualTo("none");
        assertThat(table.resolve("some-custom-licence").id()).isEqualTo("unknown");
    }

    @Test
    void apacheInAGpl2ProjectFailsOnTheTermsTheFsfNames() {
        CompatibilityVerdict verdict = engine.evaluate(table.resolve("apache-2.0"), table.resolve("GPL-2.0"));
        assertThat(verdict.compatible()).isFalse();
        assertThat(verdict.reasons()).filteredOn(r -> r.verdict().equals("conflict"))
                .extracting(CompatibilityVerdict.Reason::rule)
                .containsExactlyInAnyOrder("further_restriction:patent_termination", "further_restriction:indemnity");
        assertThat(verdict.reasons()).filteredOn(r -> r.verdict().equals("conflict"))
                .allSatisfy(r -> assertThat(r.text()).contains("GPL-2.0 §6"));
    }

    @Test
    void bertWithGoogleResearchBertIsCompatible() {
        CompatibilityVerdict verdict = engine.evaluate(table.resolve("apache-2.0"), table.resolve("Apache-2.0"));
        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.reasons()).extracting(CompatibilityVerdict.Reason::verdict).doesNotContain("conflict")
                .contains("satisfied", "obligation");
    }

    @Test
    void railPassDownConflictsWithNoFurtherRestrictions() {
        CompatibilityVerdict verdict = engine.evaluate(table.resolve("openrail"), table.resolve("GPL-3.0"));
        assertThat(verdict.reasons()).filteredOn(r -> r.verdict().equals("conflict"))
                .extracting(CompatibilityVerdict.Reason::rule)
                .contains("further_restriction:use_restrictions", "further_restriction:remote_restriction");
    }

    @Test
    void aBadTableIsRefusedAtLoad() {
        LicenceTerms good = table.resolve("MIT");
        LicenceTerms noClause = new LicenceTerms("X", "X", "u", List.of(), "permissive", good.grants(), good.copyleft(),
                List.of("attribution"), false, List.of(), Map.of("grant", "g", "commercial", "c", "additional_terms", "a"));
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(noClause))).hasMessageContaining("no clause for attribution");

        LicenceTerms clash = new LicenceTerms("Y", "Y", "u", List.of("X"), "permissive", good.grants(), good.copyleft(),
                List.of(), false, List.of(), Map.of("grant", "g", "commercial", "c", "additional_terms", "a"));
        LicenceTerms x = new LicenceTerms("X", "X", "u", List.of(), "permissive", good.grants(), good.copyleft(),
                List.of(), false, List.of(), Map.of("grant", "g", "commercial", "c", "additional_terms", "a"));
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(x, clash))).hasMessageContaining("alias 'x'");

        LicenceTerms dangling = new LicenceTerms("Z", "Z", "u", List.of(), "strong_copyleft", good.grants(),
                new LicenceTerms.Copyleft("strong", List.of("distribution"), List.of("Z", "Nope"), List.of()), List.of(),
                true, List.of(), Map.of("grant", "g", "commercial", "c", "copyleft", "c", "no_further_restrictions", "n"));
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(dangling))).hasMessageContaining("unknown licence Nope");
    }

    private List<LicenceTerms> withRequired(LicenceTerms... extra) {
        List<LicenceTerms> all = new java.util.ArrayList<>(List.of(extra));
        all.add(table.resolve(null));
        all.add(table.resolve("other"));
        return all;
    }
}
