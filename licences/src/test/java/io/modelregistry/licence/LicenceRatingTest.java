package io.modelregistry.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rating's licence score, read from the same table as the compatibility check. */
class LicenceRatingTest {

    private final LicenceCatalogue table = LicenceCatalogue.standard();

    /**
     * Every name of the rating's former table ({@code command-service} {@code rating/licence-scores.json}) keeps
     * its score: the calibration of docs/ratings.md rests on them.
     */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            apache-2.0                  | 1.0
            apache 2.0                  | 1.0
            apache-2                    | 1.0
            apache license 2.0          | 1.0
            apache license, version 2.0 | 1.0
            apache                      | 1.0
            mit                         | 1.0
            mit license                 | 1.0
            expat                       | 1.0
            bsd-3-clause                | 1.0
            bsd-3                       | 1.0
            bsd 3-clause                | 1.0
            new bsd                     | 1.0
            bsd                         | 1.0
            bsd-2-clause                | 1.0
            bsd-2                       | 1.0
            simplified bsd              | 1.0
            isc                         | 1.0
            unlicense                   | 1.0
            the unlicense               | 1.0
            cc0-1.0                     | 1.0
            cc0                         | 1.0
            cc0 1.0                     | 1.0
            zlib                        | 1.0
            bsl-1.0                     | 1.0
            boost                       | 1.0
            cc-by-4.0                   | 0.9
            cc by 4.0                   | 0.9
            cc-by                       | 0.9
            cc-by-3.0                   | 0.9
            cc by 3.0                   | 0.9
            cc-by-2.0                   | 0.9
            odc-by                      | 0.9
            odc-by-1.0                  | 0.9
            pddl                        | 1.0
            odc-pddl                    | 1.0
            mpl-2.0                     | 0.8
            mozilla public license 2.0  | 0.8
            epl-2.0                     | 0.7
            lgpl-2.1                    | 0.6
            lgpl-2.1-only               | 0.6
            lgpl-2.1-or-later           | 0.6
            lgpl                        | 0.6
            lgpl-3.0                    | 0.6
            lgpl-3.0-only               | 0.6
            lgpl-3.0-or-later           | 0.6
            lgpl3                       | 0.6
            lgpl-lr                     | 0.6
            cc-by-sa-4.0                | 0.6
            cc by-sa 4.0                | 0.6
            cc-by-sa                    | 0.6
            cc-by-sa-3.0                | 0.6
            cc by-sa 3.0                | 0.6
            openrail                    | 0.6
            open-rail                   | 0.6
            openrail++                  | 0.6
            creativeml-openrail-m       | 0.6
            openrail-m                  | 0.6
            bigscience-openrail-m       | 0.6
            llama2                      | 0.5
            llama-2                     | 0.5
            llama3                      | 0.5
            llama3.1                    | 0.5
            llama3.2                    | 0.5
            llama3.3                    | 0.5
            llama-3                     | 0.5
            gemma                       | 0.5
            gpl-2.0                     | 0.3
            gpl-2.0-only                | 0.3
            gpl-2.0-or-later            | 0.3
            gplv2                       | 0.3
            gpl2                        | 0.3
            gpl-3.0                     | 0.3
            gpl-3.0-only                | 0.3
            gpl-3.0-or-later            | 0.3
            gplv3                       | 0.3
            gpl3                        | 0.3
            gpl                         | 0.3
            agpl-3.0                    | 0.2
            agpl-3.0-only               | 0.2
            agpl-3.0-or-later           | 0.2
            agpl                        | 0.2
            cc-by-nc-4.0                | 0.1
            cc by-nc 4.0                | 0.1
            cc-by-nc                    | 0.1
            cc-by-nc-sa-4.0             | 0.1
            cc-by-nc-sa                 | 0.1
            cc-by-nc-nd-4.0             | 0.0
            cc-by-nc-nd                 | 0.0
            cc-by-nd-4.0                | 0.2
            cc-by-nd                    | 0.2
            other                       | 0.3
            unknown                     | 0.0
            noassertion                 | 0.0
            unlicensed                  | 0.0
            """)
    void everyNameOfTheFormerRatingTableKeepsItsScore(String declared, double score) {
        LicenceRating rating = table.rating(declared);
        assertThat(rating.score()).as(declared + ": " + rating.reason()).isEqualTo(score);
        assertThat(rating.reason()).isNotBlank();
    }

    @Test
    void theOneDeliberateChangeIsBloomRailWhichTheCheckAlwaysReadAsOpenRailM() {
        // the former rating table scored BLOOM RAIL 1.0 at 0.5; the licence table maps it to OpenRAIL-M
        assertThat(table.resolve("bigscience-bloom-rail-1.0").id()).isEqualTo("OpenRAIL-M");
        assertThat(table.rating("bigscience-bloom-rail-1.0").score()).isEqualTo(0.6);
    }

    @Test
    void nothingDeclaredIsNoLicenceAndAnUnrecognisedNameNeedsAReview() {
        assertThat(table.rating(null)).satisfies(r -> {
            assertThat(r.score()).isZero();
            assertThat(r.id()).isEqualTo("none");
            assertThat(r.reason()).startsWith("no licence declared");
        });
        assertThat(table.rating("  ").score()).isZero();
        for (String name : List.of("some-custom-licence", "custom", "Proprietary", "OTHER", "x".repeat(10_000))) {
            LicenceRating rating = table.rating(name);
            assertThat(rating.score()).as(name).isEqualTo(0.3);
            assertThat(rating.id()).isEqualTo("unknown");
            assertThat(rating.reason()).contains("legal review");
            // the check reads all of them as the unrecognised licence
            assertThat(table.resolve(name).id()).as(name).isEqualTo("unknown");
        }
    }

    @Test
    void namesAreNormalisedAsHuggingFaceAndSpdxWriteThem() {
        assertThat(table.rating("license:mit").score()).isEqualTo(1.0);
        assertThat(table.rating("  License:MIT ").id()).isEqualTo("MIT");
        assertThat(table.rating("cc_by_4.0").score()).isEqualTo(0.9);
        assertThat(table.rating("GPL-3.0-only").id()).isEqualTo("GPL-3.0");
        assertThat(table.rating("Apache   License 2.0").id()).isEqualTo("Apache-2.0");
    }

    @Test
    void everyLicenceRatesInRangeWithAOneLineReason() {
        assertThat(table.all()).hasSizeGreaterThan(30).allSatisfy(terms -> {
            LicenceRating rating = terms.rating();
            assertThat(rating.id()).isEqualTo(terms.id());
            assertThat(rating.score()).as(terms.id()).isBetween(0.0, 1.0);
            assertThat(rating.reason()).as(terms.id()).isNotBlank().doesNotContain("\n");
        });
    }

    @Test
    void scoresOrderByCategoryFromPermissiveToNoRights() {
        Map<String, List<Double>> byCategory = table.all().stream().collect(Collectors.groupingBy(LicenceTerms::category,
                Collectors.mapping(t -> t.rating().score(), Collectors.toList())));
        Function<String, Double> min = c -> byCategory.get(c).stream().min(Double::compare).orElseThrow();
        Function<String, Double> max = c -> byCategory.get(c).stream().max(Double::compare).orElseThrow();
        assertThat(min.apply("permissive")).isGreaterThan(max.apply("weak_copyleft"));
        for (String restricted : List.of("responsible_ai", "share_alike", "community")) {
            assertThat(min.apply("weak_copyleft")).as(restricted).isGreaterThanOrEqualTo(max.apply(restricted));
            assertThat(min.apply(restricted)).as(restricted).isGreaterThan(max.apply("strong_copyleft"));
        }
        assertThat(min.apply("strong_copyleft")).isGreaterThan(max.apply("network_copyleft"));
        for (String low : List.of("no_derivatives", "non_commercial")) {
            assertThat(min.apply("network_copyleft")).as(low).isGreaterThanOrEqualTo(max.apply(low));
            assertThat(max.apply(low)).as(low).isLessThanOrEqualTo(0.2);
        }
        assertThat(max.apply("none")).isZero();
        assertThat(max.apply("unknown")).isZero();
    }

    @Test
    void scoresDeriveFromTheTermsExceptWhereTheTableSaysOtherwise() {
        assertThat(table.all()).filteredOn(t -> t.ratingScore() != null).extracting(LicenceTerms::id)
                .as("the explicit scores the table's header lists").containsExactlyInAnyOrder("CC-BY-SA-4.0", "Gemma");
        assertThat(LicenceRating.derive(table.resolve("CC-BY-SA-4.0")).score()).isEqualTo(0.3);
        assertThat(LicenceRating.derive(table.resolve("Gemma")).score()).isEqualTo(0.6);
        assertThat(table.rating("CC-BY-SA-4.0").reason()).contains("share-alike");
        // reasons say which terms decided
        assertThat(table.rating("apache-2.0").reason()).startsWith("permissive");
        assertThat(table.rating("epl-2.0").reason()).contains("GPL-2.0");
        assertThat(table.rating("llama3").reason()).contains("user cap").contains("no improving other models");
        assertThat(table.rating("agpl-3.0").reason()).contains("network copyleft").contains("AGPL-3.0");
    }

    @Test
    void theDerivationReadsTheTermsNotTheNames() {
        LicenceTerms mit = table.resolve("MIT");
        LicenceTerms weak = new LicenceTerms("W", "W", "u", List.of(), "weak_copyleft", mit.grants(),
                new LicenceTerms.Copyleft("weak", List.of("distribution"), List.of(), List.of("GPL-2.0")), List.of(),
                false, List.of(), Map.of());
        assertThat(LicenceRating.derive(weak).score()).isEqualTo(0.7);
        LicenceTerms restricted = new LicenceTerms("R", "R", "u", List.of(), "responsible_ai", mit.grants(),
                mit.copyleft(), List.of("use_restrictions", "attribution"), false, List.of(), Map.of());
        assertThat(LicenceRating.derive(restricted).score()).isEqualTo(0.6);
        LicenceTerms nonCommercial = new LicenceTerms("N", "N", "u", List.of(), "non_commercial",
                new LicenceTerms.Grants(true, true, false), mit.copyleft(), List.of(), true, List.of(), Map.of());
        assertThat(LicenceRating.derive(nonCommercial).score()).isEqualTo(0.1);
    }

    @Test
    void aBadRatingScoreIsRefusedAtLoad() {
        LicenceTerms mit = table.resolve("MIT");
        Map<String, String> clauses = Map.of("grant", "g", "commercial", "c", "additional_terms", "a");
        LicenceTerms tooHigh = new LicenceTerms("X", "X", "u", List.of(), "permissive", mit.grants(), mit.copyleft(),
                List.of(), false, List.of(), clauses, 1.5, "too good");
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(tooHigh))).hasMessageContaining("rating_score must be in [0, 1]");
        LicenceTerms unexplained = new LicenceTerms("X", "X", "u", List.of(), "permissive", mit.grants(), mit.copyleft(),
                List.of(), false, List.of(), clauses, 0.5, null);
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(unexplained))).hasMessageContaining("rating_reason");
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(), new LicenceCatalogue.Unrecognised(List.of(), 2, "x")))
                .hasMessageContaining("unrecognised");
        LicenceTerms claimsOther = new LicenceTerms("X", "X", "u", List.of("other"), "permissive", mit.grants(),
                mit.copyleft(), List.of(), false, List.of(), clauses);
        assertThatThrownBy(() -> new LicenceCatalogue(withRequired(claimsOther), table.unrecognised()))
                .hasMessageContaining("alias 'other'");
    }

    private List<LicenceTerms> withRequired(LicenceTerms... extra) {
        List<LicenceTerms> all = new java.util.ArrayList<>(List.of(extra));
        all.add(table.resolve(null));
        all.add(table.resolve("unknown"));
        return all;
    }
}
