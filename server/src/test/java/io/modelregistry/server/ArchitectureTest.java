package io.modelregistry.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.api.download.DownloadLog;
import io.modelregistry.api.evolution.EventRevision;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between the modules, held by a test: the shared vocabulary and the licence
 * table are plain Java, the command side never reads the query side, read models never issue commands, the query
 * side appends nothing to the log, and every event says its revision.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Other modules' test fixtures reach this classpath as "-tests" jars, which DO_NOT_INCLUDE_TESTS does not know.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
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
    void thePortsInTheVocabularyKnowNoStorageTechnology() {
        // a port that mentioned SQL, Lucene or a JSON library would tie every adapter to the embedded one
        noClasses().that().resideInAPackage("io.modelregistry.api..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.lucene..",
                        "com.fasterxml..", "org.h2..", "com.zaxxer..")
                .check(classes);
    }

    /** Adapter packages: one per backend, beside the port's callers; a scale-out backend adds a sibling. */
    private static final String[] ADAPTERS = {"..jdbc..", "..lucene..", "..filesystem..", "..s3..", "..opensearch.."};

    @Test
    void callersDependOnPortsNotOnAdapterPackages() {
        // only an adapter's own package (and its configuration there) knows the adapter; everyone else sees the port
        noClasses().that().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("io.modelregistry.command.artifact.jdbc..",
                        "io.modelregistry.command.blob.filesystem..", "io.modelregistry.command.blob.s3..",
                        "io.modelregistry.projection.directory.jdbc..",
                        "io.modelregistry.projection.audit.jdbc..", "io.modelregistry.projection.rating.jdbc..",
                        "io.modelregistry.projection.lineage.jdbc..", "io.modelregistry.projection.search.lucene..",
                        "io.modelregistry.projection.blob.jdbc..", "io.modelregistry.projection.sensitive.jdbc..",
                        "io.modelregistry.projection.downloads.jdbc..", "io.modelregistry.command.auth.jdbc..",
                        "io.modelregistry.server.axon.jdbc..",
                        "io.modelregistry.projection.opensearch..",
                        "io.modelregistry.projection.directory.opensearch..",
                        "io.modelregistry.projection.card.opensearch..",
                        "io.modelregistry.projection.sensitive.opensearch..",
                        "io.modelregistry.projection.downloads.opensearch..",
                        "io.modelregistry.projection.audit.opensearch..", "io.modelregistry.projection.rating.opensearch..",
                        "io.modelregistry.projection.lineage.opensearch..", "io.modelregistry.projection.blob.opensearch..",
                        "io.modelregistry.projection.search.opensearch..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("..jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("..lucene..", "..filesystem..", "..opensearch..")
                .check(classes);
        noClasses().that().resideInAPackage("..lucene..")
                .should().dependOnClassesThat().resideInAnyPackage("..jdbc..", "..filesystem..", "..opensearch..")
                .check(classes);
        // the OpenSearch adapters share their own infrastructure (projection.opensearch) and the feature packages only
        noClasses().that().resideInAPackage("..opensearch..")
                .should().dependOnClassesThat().resideInAnyPackage("..jdbc..", "..lucene..", "..filesystem..", "..s3..")
                .check(classes);
        noClasses().that().resideInAPackage("..filesystem..")
                .should().dependOnClassesThat().resideInAnyPackage("..jdbc..", "..lucene..", "..s3..").check(classes);
        noClasses().that().resideInAPackage("..s3..")
                .should().dependOnClassesThat().resideInAnyPackage("..jdbc..", "..lucene..", "..filesystem..")
                .check(classes);
    }

    @Test
    void theSearchLogicBothSearchAdaptersShareKnowsNeitherBackend() {
        // pattern analysis, RE2 with a budget, the trigram prefilter and version terms: were they to know Lucene or
        // OpenSearch, the other adapter would depend on that backend too
        noClasses().that().resideInAPackage("io.modelregistry.projection.search.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.opensearch..",
                        "org.springframework..", "org.axonframework..", "io.modelregistry.projection.search.lucene..",
                        "io.modelregistry.projection.search.opensearch..", "io.modelregistry.projection.opensearch..")
                .check(classes);
    }

    @Test
    void thePortsOfEveryStoreAreInterfacesOfTheSharedVocabulary() {
        classes().that().haveSimpleNameEndingWith("Writer").and().resideInAPackage("io.modelregistry.api..")
                .should().beInterfaces().check(classes);
        classes().that().resideInAPackage("io.modelregistry.api..").and().haveNameMatching(
                        ".*\\.(ArtifactDirectory|AuditTrail|RatingReadModel|LineageStore|ArtifactSearch|SourceClaims|BlobStore"
                                + "|BlobReferences|PullThrough|BlobSweeps|SensitiveModels|DownloadHistory|DownloadLog)")
                .should().beInterfaces().check(classes);
    }

    @Test
    void readModelsAreReachedThroughTheirPortsNotThroughJdbc() {
        // the query side and the projections' handlers never talk SQL: that is the embedded adapters' business
        noClasses().that().resideInAnyPackage("io.modelregistry.query..", "io.modelregistry.projection..")
                .and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
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
    void theWorkloadKnowsTheRegistryByItsRestApiOnly() {
        // it measures what a client sees: a shortcut into any module (or the vocabulary) would measure something else
        noClasses().that().resideInAPackage("io.modelregistry.workload..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "io.modelregistry.api..", "io.modelregistry.command..", "io.modelregistry.query..",
                        "io.modelregistry.projection..", "io.modelregistry.server..", "io.modelregistry.hub..",
                        "io.modelregistry.rating..", "io.modelregistry.licence..", "io.modelregistry.fakehub..")
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
    void theQuerySideAppendsNothingToTheLog() {
        // It reads; the one write it needs (a download's record) goes through the DownloadLog port to the command side.
        noClasses().that().resideInAPackage("io.modelregistry.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventhandling.gateway..",
                        "org.axonframework.commandhandling..", "org.axonframework.eventsourcing..")
                .orShould().dependOnClassesThat().areAssignableTo(EventBus.class)
                .because("downloads are recorded through the DownloadLog port, never published by the query side")
                .check(classes);
    }

    @Test
    void everyPathThatServesPackageBytesGoesThroughTheDownloadGate() {
        // The gate runs a sensitive model's monitor and records the download before any byte: a download path that
        // wrote a package, redirected to its blob or recorded a download by itself would skip the monitor.
        String gate = "io.modelregistry.query.download.DownloadGate";
        String zip = "io.modelregistry.query.download.PackageZip";
        DescribedPredicate<JavaClass> theGate = DescribedPredicate.describe("the download gate (or the zip's overloads)",
                javaClass -> javaClass.getName().equals(gate) || javaClass.getName().startsWith(gate + "$")
                        || javaClass.getName().equals(zip));
        DescribedPredicate<JavaMethodCall> servesOrRecords = DescribedPredicate.describe(
                "write a package zip, redirect to a blob, or record a download", call ->
                        call.getTargetOwner().getName().equals(zip)
                                && call.getName().equals("writeRange")
                        || call.getTargetOwner().isAssignableTo(BlobStore.class)
                                && call.getName().equals("downloadRedirect")
                        || call.getTargetOwner().isAssignableTo(DownloadLog.class));
        noClasses().that(DescribedPredicate.not(theGate)).and().resideInAPackage("io.modelregistry.query..")
                .should().callMethodWhere(servesOrRecords).check(classes);
        // and the gate does each of them, so the rule above is not vacuous
        assertThat(classes.get(gate + "$Cleared").getMethodCallsFromSelf()).anyMatch(servesOrRecords);
        assertThat(classes.get(gate).getMethodCallsFromSelf()).anyMatch(servesOrRecords);
    }

    @Test
    void everyEventCarriesARevision() {
        // An event is what a handler takes, or what code builds where it publishes or applies: each must say which
        // revision of its shape it is stored as.
        Set<JavaClass> events = new TreeSet<>(Comparator.comparing(JavaClass::getName));
        for (JavaClass owner : classes) {
            for (JavaMethod method : owner.getMethods()) {
                if ((method.isAnnotatedWith(EventHandler.class) || method.isAnnotatedWith(EventSourcingHandler.class))
                        && !method.getRawParameterTypes().isEmpty()) {
                    events.add(method.getRawParameterTypes().get(0));
                }
                boolean appends = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTarget().getOwner().isAssignableTo(EventGateway.class) && call.getName().equals("publish")
                                || call.getTarget().getOwner().isEquivalentTo(AggregateLifecycle.class)
                                && call.getName().equals("apply"));
                if (appends) {
                    method.getConstructorCallsFromSelf().forEach(call -> events.add(call.getTargetOwner()));
                }
            }
        }
        events.removeIf(type -> !type.getPackageName().startsWith("io.modelregistry.api") || !type.isRecord());
        assertThat(events).extracting(JavaClass::getSimpleName).contains("ArtifactRegistered", "ModelRated",
                "RegistryReset", "ArtifactDownloaded", "UserRegistered", "AuthTokenIssued", "ModelIngestRefused",
                "ArtifactDownloadRefused", "ModelSensitivityChanged", "MonitorProgramAttached", "MonitorProgramRemoved");
        assertThat(events).allSatisfy(event -> assertThat(event.isAnnotatedWith(EventRevision.class))
                .as(event.getSimpleName() + " has an @EventRevision").isTrue());
    }

    @Test
    void projectionsAreNotReachedByTheWebLayerExceptThroughTheirPorts() {
        // Projection handlers are package-private; only query ports (public) are visible to other modules.
        noClasses().that().resideOutsideOfPackage("io.modelregistry.projection..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .check(classes);
    }

    @Test
    void whetherTheReadModelsHaveCaughtUpIsDecidedInOnePlace() {
        // the write barrier, the read gate and health must agree on what "caught up" and "failed" mean; the
        // re-rating's own processor is the one named exception: it is kept out of "caught up" on purpose (it waits
        // on the barrier itself) and reports no position to anyone
        noClasses().that().resideOutsideOfPackage("io.modelregistry.projection..")
                .and().doNotHaveFullyQualifiedName("io.modelregistry.command.rating.LinkedReratingProcessor")
                .should().dependOnClassesThat().areAssignableTo(org.axonframework.eventhandling.EventProcessor.class)
                .orShould().dependOnClassesThat().areAssignableTo(
                        org.axonframework.config.EventProcessingConfiguration.class)
                .check(classes);
    }

    @Test
    void settingsAreReadThroughValidatedConfigurationRecordsNotScatteredValueAnnotations() {
        // The data dir is the one setting every embedded adapter shares; each reads it where it opens its files.
        Set<String> offenders = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            javaClass.getCodeUnits().forEach(unit -> unit.getParameters().forEach(parameter -> {
                if (parameter.isAnnotatedWith(org.springframework.beans.factory.annotation.Value.class)) {
                    String expression = parameter.getAnnotationOfType(
                            org.springframework.beans.factory.annotation.Value.class).value();
                    if (!expression.startsWith("${registry.data-dir")) {
                        offenders.add(unit.getFullName() + " reads " + expression);
                    }
                }
            }));
            javaClass.getFields().forEach(field -> {
                if (field.isAnnotatedWith(org.springframework.beans.factory.annotation.Value.class)) {
                    offenders.add(field.getFullName());
                }
            });
        }
        assertThat(offenders).as("settings read with @Value instead of a @ConfigurationProperties record").isEmpty();
    }
}
