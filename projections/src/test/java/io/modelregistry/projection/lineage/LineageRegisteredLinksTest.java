package io.modelregistry.projection.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.lineage.DeclaredRelationship;
import io.modelregistry.api.lineage.RegisteredLinks.Match;
import io.modelregistry.projection.lineage.jdbc.JdbcLineageStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A rating's links resolved the lineage's way, on the embedded lineage read model. */
class LineageRegisteredLinksTest {

    private LineageFixture lineage;
    private LineageRegisteredLinks links;

    @BeforeEach
    void emptyReadModel() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:links-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-lineage.sql")).execute(dataSource);
        JdbcLineageStore store = new JdbcLineageStore(new JdbcTemplate(dataSource));
        lineage = new LineageFixture(store, store);
        links = new LineageRegisteredLinks(store, lineage.readModel);
    }

    @Test
    void aTargetMatchesByRepoIdByLegacyIdByNameByNameWithoutCaseAndSeparatorsAndByFamilyName() {
        lineage.register("1", ArtifactType.CODE, "mv-lab-swin2sr", "mv-lab/swin2sr", SourceKind.GITHUB_REPOSITORY);
        lineage.register("2", ArtifactType.DATASET, "bookcorpus", "bookcorpus/bookcorpus", SourceKind.HUGGINGFACE_DATASET);
        lineage.register("3", ArtifactType.DATASET, "FairFace", "FairFace", SourceKind.UPLOAD);
        lineage.register("4", ArtifactType.DATASET, "imagenet-1k", "imagenet-1k", SourceKind.UPLOAD);

        assertThat(links.find("code", "mv-lab/swin2sr", 4)).containsExactly(
                new Match("1", ArtifactType.CODE, "mv-lab-swin2sr", "mv-lab/swin2sr", "registry_source_id"));
        assertThat(links.find("dataset", "bookcorpus", 4)).extracting(Match::artifactId, Match::matchedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", "registry_source_id"));
        assertThat(links.find("dataset", "fair_face", 4)).extracting(Match::artifactId, Match::matchedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3", "registry_name"));
        assertThat(links.find("dataset", "imagenet-1k", 4)).extracting(Match::matchedBy).containsExactly("registry_name");
        assertThat(links.find("code", "fair_face", 4)).as("only artifacts of the link's kind").isEmpty();
        assertThat(links.find("dataset", "imagenet", 4)).as("the one registered variant of a family name")
                .extracting(Match::artifactId, Match::matchedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("4", "registry_name_variant"));
    }

    @Test
    void aMentionThatNamesNothingRegisteredIsNotInTheLineageAndOneThatDoesFindsItsModel() {
        DeclaredRelationship mention = new DeclaredRelationship("fairface", "dataset", "trained_on", "readme_mention",
                "README.md line 9: fair_face");
        lineage.model("10", "trained-gender", "crangana/trained-gender", mention);
        assertThat(lineage.readModel.declaredBy("10")).isEmpty();
        assertThat(links.modelsLinkingTo("11", 16)).isEmpty();

        lineage.register("11", ArtifactType.DATASET, "FairFace", "FairFace", SourceKind.UPLOAD);
        assertThat(lineage.readModel.declaredBy("10")).singleElement()
                .satisfies(link -> assertThat(link.targetIds()).containsExactly("11"));
        assertThat(links.modelsLinkingTo("11", 16)).containsExactly("10");
        assertThat(links.knows("11")).isTrue();
        assertThat(links.knows("12")).isFalse();
    }
}
