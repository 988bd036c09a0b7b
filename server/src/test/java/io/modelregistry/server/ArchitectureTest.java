package io.modelregistry.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between the modules, held by a test: the shared vocabulary and the licence
 * table are plain Java, the command side never reads the query side, and read models never issue commands.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.modelregistry");
    }

    @Test
    void theSharedVocabularyHasNoFrameworkCode() {
        noClasses().that().resideInAPackage("io.modelregistry.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "io.modelregistry.command..", "io.modelregistry.projection..",
                        "io.modelregistry.query..", "io.modelregistry.server..")
                .check(classes);
    }

    @Test
    void theLicenceTableIsPlainJavaSharedByBothSides() {
        // read by the licence check (query side) and the rating (command side): it may know neither, nor a framework
        noClasses().that().resideInAPackage("io.modelregistry.licence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "io.modelregistry.command..", "io.modelregistry.query..", "io.modelregistry.projection..",
                        "io.modelregistry.server..")
                .check(classes);
    }

    @Test
    void hubKnowledgeIsPlainJavaSharedByBothSides() {
        // URL parsing, card parsing and the bounded hub clients: read by ingest, lineage, rating and the licence check
        noClasses().that().resideInAPackage("io.modelregistry.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "io.modelregistry.command..", "io.modelregistry.query..",
                        "io.modelregistry.projection..", "io.modelregistry.server..", "io.modelregistry.rating..")
                .check(classes);
    }

    @Test
    void theRatingIsPlainJavaThatKnowsNoSideOfTheApplication() {
        // command-service wires it into Spring and Axon; the rating itself needs neither
        noClasses().that().resideInAPackage("io.modelregistry.rating..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "io.modelregistry.command..", "io.modelregistry.query..",
                        "io.modelregistry.projection..", "io.modelregistry.server..")
                .check(classes);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        // every package is its own slice: a cycle between any two (artifact and rating, say) fails the build
        slices().matching("io.modelregistry.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCommandSideDoesNotReachIntoTheReadSide() {
        noClasses().that().resideInAPackage("io.modelregistry.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelregistry.projection..",
                        "io.modelregistry.query..", "io.modelregistry.server..")
                .check(classes);
    }

    @Test
    void projectionsDependOnlyOnTheVocabulary() {
        noClasses().that().resideInAPackage("io.modelregistry.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelregistry.command..",
                        "io.modelregistry.query..", "io.modelregistry.server..")
                .check(classes);
    }

    @Test
    void theQuerySideDoesNotIssueCommands() {
        noClasses().that().resideInAPackage("io.modelregistry.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelregistry.command..",
                        "io.modelregistry.server..", "org.axonframework.commandhandling..")
                .check(classes);
    }

    @Test
    void projectionsAreNotReachedByTheWebLayerExceptThroughTheirPorts() {
        // Projection handlers are package-private; only query ports (public) are visible to other modules.
        noClasses().that().resideOutsideOfPackage("io.modelregistry.projection..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .check(classes);
    }
}
