package io.modelregistry.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compatibility of "fine-tune a model under licence M and ship it for inference inside a project under
 * licence P", case by case, each with the one-line reason from the licence texts that decides it.
 */
class LicenceCompatibilityTest {

    private final LicenceCatalogue table = LicenceCatalogue.standard();
    private final CompatibilityEngine engine = new CompatibilityEngine();

    @ParameterizedTest(name = "[{index}] {0} model in a {1} project -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # permissive models
            apache-2.0            | Apache-2.0        | true  | Apache-2.0 §4 lets a Derivative Work carry the same licence with its notices
            Apache-2.0            | MIT               | true  | MIT lets the combined work carry extra terms; Apache §4 notices travel with the model
            Apache-2.0            | GPL-2.0           | false | FSF: Apache §3 patent termination and §9 indemnity are further restrictions under GPL-2.0 §6
            Apache-2.0            | GPL-3.0           | true  | GPL-3.0 §7 and §10-11 were written to accept Apache-2.0's patent and notice terms
            Apache-2.0            | AGPL-3.0          | true  | AGPL-3.0 has GPL-3.0's §7 tolerance of Apache terms
            Apache-2.0            | LGPL-2.1          | false | LGPL-2.1 §10 forbids further restrictions, as GPL-2.0 does
            Apache-2.0            | LGPL-3.0          | true  | LGPL-3.0 incorporates GPL-3.0, which accepts Apache-2.0 terms
            Apache-2.0            | MPL-2.0           | true  | MPL-2.0 §3.3 lets a Larger Work include files under other licences
            Apache-2.0            | BSD-3-Clause      | true  | BSD-3-Clause adds only notice and no-endorsement conditions
            Apache-2.0            | CC-BY-4.0         | true  | CC BY §2(b)(2) licenses no patents, so Apache's patent terms do not restrict CC rights
            Apache-2.0            |                   | true  | a project without a licence grants nothing and contradicts nothing
            Apache-2.0            | NOASSERTION       | false | an unrecognised project licence cannot be checked
            MIT                   | GPL-2.0           | true  | MIT's notice condition is not a further restriction (FSF: GPL-compatible)
            MIT                   | AGPL-3.0          | true  | MIT material may be relicensed under any terms keeping its notice
            mit                   | MIT               | true  | same licence, same terms
            BSD-3-Clause          | GPL-2.0           | true  | FSF: modified BSD is GPL-compatible; no-endorsement is tolerated
            BSD-2-Clause          | Apache-2.0        | true  | BSD-2-Clause only requires its notice
            ISC                   | GPL-3.0           | true  | ISC only requires its notice
            Unlicense             | GPL-2.0           | true  | public-domain dedication imposes nothing
            CC0-1.0               | Apache-2.0        | true  | CC0 §2 waives all rights
            Zlib                  | GPL-2.0           | true  | FSF: zlib is GPL-compatible; its notice and change marking are tolerated
            PDDL-1.0              | Apache-2.0        | true  | PDDL §3.1 dedicates the work to the public domain
            odc-by                | MIT               | true  | ODC-By §4.3: a model made from the data carries a notice, which MIT allows
            license:mit           | GPL-3.0           | true  | a HuggingFace licence tag names the same licence as its id
            # copyleft models
            GPL-2.0               | GPL-2.0           | true  | GPL-2.0 §2(b): the whole work is GPL-2.0, which the project is
            GPL-2.0               | GPL-3.0           | false | GPL-2.0-only: §9 allows later versions only if the Program says 'or any later version'
            GPL-2.0-or-later      | GPL-3.0           | true  | 'or any later version' lets the combined work be GPL-3.0
            GPL-2.0               | MIT               | false | GPL-2.0 §2(b) requires the combined work under GPL-2.0, not MIT
            GPL-3.0               | GPL-3.0           | true  | GPL-3.0 §5(c) is met by a GPL-3.0 project
            GPL-3.0               | AGPL-3.0          | true  | GPL-3.0 §13 permits combining with AGPL-3.0 works
            GPL-3.0               | Apache-2.0        | false | GPL-3.0 §5(c): the entire work must be GPL-3.0
            gpl-3.0               | GPL-2.0           | false | GPL-3.0 derivatives cannot be GPL-2.0-only
            GPL-3.0               |                   | false | GPL-3.0 §5(c) needs the project licensed under GPL-3.0; an unlicensed project is not
            AGPL-3.0              | AGPL-3.0          | true  | AGPL-3.0 §13 source offer is met by an AGPL-3.0 project
            AGPL-3.0              | MIT               | false | AGPL-3.0 §13: serving the model over a network still requires AGPL for the whole work
            AGPL-3.0              | GPL-3.0           | true  | AGPL-3.0 §13 permits combining with GPL-3.0 works
            LGPL-2.1              | MIT               | true  | LGPL-2.1 §6: a work using the library may be under any terms; the model stays LGPL
            LGPL-2.1              | GPL-2.0           | true  | LGPL-2.1 §3 lets the library be relicensed to GPL-2.0
            LGPL-3.0              | GPL-2.0           | false | FSF: LGPL-3.0 is incompatible with GPL-2.0-only
            MPL-2.0               | MIT               | true  | MPL-2.0 §3.3: file-level copyleft inside a Larger Work under other terms
            MPL-2.0               | GPL-3.0           | true  | MPL-2.0 §1.12: GPL is a Secondary License
            EPL-2.0               | GPL-3.0           | false | EPL-2.0 is GPL-incompatible unless a Secondary License is designated
            # Creative Commons models
            CC-BY-4.0             | MIT               | true  | CC BY §3(a)(4): an Adapter's License may be any licence that allows attribution
            CC-BY-4.0             | GPL-3.0           | true  | FSF: CC BY 4.0 is compatible with GPL-3.0
            CC-BY-4.0             | GPL-2.0           | false | CC BY §3(a)(1) attribution form goes beyond GPL-2.0's notices; FSF lists GPL-3.0 only
            CC-BY-SA-4.0          | GPL-3.0           | true  | CC declared GPL-3.0 a BY-SA Compatible License (§3(b)(1))
            CC-BY-SA-4.0          | MIT               | false | CC BY-SA §3(b)(1): adaptations must be BY-SA or a compatible licence
            CC-BY-SA-4.0          | CC-BY-SA-4.0      | true  | same License Elements
            CC-BY-NC-4.0          | MIT               | false | CC BY-NC §2(a)(1): NonCommercial only, while MIT grants commercial use
            CC-BY-NC-4.0          | Apache-2.0        | false | Apache-2.0 §2 grants commercial use the model withholds
            CC-BY-NC-4.0          | CC-BY-NC-4.0      | true  | both licences keep use non-commercial
            cc-by-nc-4.0          | CC-BY-NC-SA-4.0   | true  | BY-NC §3(a)(4): a BY-NC-SA Adapter's License lets recipients comply
            CC-BY-NC-4.0          | GPL-2.0           | false | GPL-2.0 grants commercial use and forbids the NC restriction (§6)
            CC-BY-NC-4.0          |                   | true  | an unlicensed project grants no commercial rights; use must stay non-commercial
            CC-BY-NC-SA-4.0       | CC-BY-NC-SA-4.0   | true  | BY-NC-SA §3(b)(1): same License Elements
            CC-BY-NC-SA-4.0       | CC-BY-NC-4.0      | false | BY-NC-SA §3(b)(1): adaptations must stay BY-NC-SA
            CC-BY-ND-4.0          | MIT               | false | CC BY-ND §2(a)(1)(B): Adapted Material may not be Shared
            CC-BY-ND-4.0          | CC-BY-ND-4.0      | false | ND forbids sharing any fine-tuned model, whatever the project licence
            CC-BY-NC-ND-4.0       | CC-BY-NC-4.0      | false | NoDerivatives: a fine-tuned model may not be shared
            # responsible-AI and community licences
            OpenRAIL-M            | Apache-2.0        | true  | OpenRAIL-M §4(a): use restrictions are passed down, which Apache-2.0 §4 allows
            openrail              | CC-BY-4.0         | false | CC BY §2(a)(5)(B) forbids the use restrictions OpenRAIL-M §5 requires passing down
            OpenRAIL-M            | GPL-3.0           | false | GPL-3.0 §10 forbids the use-based restrictions OpenRAIL-M §5 imposes
            OpenRAIL-M            | OpenRAIL-M        | true  | same licence carries its own restrictions
            creativeml-openrail-m | MIT               | true  | MIT allows the §4(a) pass-down of Attachment A restrictions
            CreativeML-OpenRAIL-M | GPL-2.0           | false | GPL-2.0 §6 forbids further restrictions such as Attachment A
            bigscience-openrail-m | AGPL-3.0          | false | AGPL-3.0 §10 forbids the use-based restrictions
            openrail++            | BSD-3-Clause      | true  | BSD-3-Clause lets the use restrictions travel with the model
            llama2                | Apache-2.0        | true  | Llama 2 §1.b.i: the Agreement and its AUP travel with the model, which Apache §4 permits
            llama2                | GPL-3.0           | false | GPL-3.0 §10 forbids Llama 2's AUP and the §1.b.v ban on improving other LLMs
            llama3                | MIT               | true  | MIT permits Llama 3's naming, notice and AUP terms alongside
            llama3.1              | GPL-2.0           | false | GPL-2.0 §6 forbids the AUP and the 700M-MAU limit
            gemma                 | Apache-2.0        | true  | Gemma §3.1 pass-down of use restrictions is allowed under Apache §4
            gemma                 | GPL-3.0           | false | GPL-3.0 §10 forbids Gemma §3.2 use restrictions and §4 remote restriction
            Gemma                 | CC-BY-NC-4.0      | false | CC BY-NC §2(a)(5)(B) forbids additional restrictions such as Gemma's
            # no or unknown model licence
            other                 | MIT               | false | 'other' is not a licence this registry can read: no rights assumed
                                  | Apache-2.0        | false | no licence: all rights reserved, no permission to fine-tune or share
            MIT                   |                   | true  | a permissive model in an unlicensed project: the notice travels with it
            """, nullValues = "")
    void fineTuneAndShipInsideTheProject(String model, String project, boolean expected, String reason) {
        CompatibilityVerdict verdict = engine.evaluate(table.resolve(model), table.resolve(project));

        assertThat(verdict.compatible()).as(reason + "\nreasons: " + verdict.reasons()).isEqualTo(expected);
        assertThat(verdict.reasons()).as("every verdict explains itself").isNotEmpty();
        if (!expected) {
            assertThat(verdict.reasons()).filteredOn(r -> r.verdict().equals(CompatibilityEngine.CONFLICT))
                    .as("a refusal names the clause it rests on").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.text()).isNotBlank());
        }
    }
}
