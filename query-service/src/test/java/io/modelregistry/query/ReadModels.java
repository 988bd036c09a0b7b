package io.modelregistry.query;

import io.modelregistry.projection.group.GroupMembers;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactContent;
import io.modelregistry.api.artifact.ArtifactDocumentRefs;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.SourceKind;
import io.modelregistry.api.artifact.SourceRef;
import io.modelregistry.api.artifact.StoredPackage;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.lineage.DeclaredRelationship;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The real directory and lineage projections and query ports on a fresh in-memory H2 database, without Axon's
 * event store: events are handed to the projections' annotated handlers directly, in order, as a tracking
 * processor would.
 */
public final class ReadModels implements AutoCloseable {

    public static final Actor ADMIN = new Actor("admin", true);
    public static final Instant AT = Instant.parse("2025-11-01T10:00:00Z");

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    private final List<AnnotationEventHandlerAdapter> handlers;

    public ReadModels() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-readmodels.sql"),
                new ClassPathResource("db/schema-lineage.sql")).execute(dataSource);
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        context.scan("io.modelregistry.projection.directory", "io.modelregistry.projection.lineage");
        context.refresh();
        // these tests publish no group commits: the helper a group's handler takes needs no event store here
        GroupMembers groups = new GroupMembers(null);
        handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(bean -> new AnnotationEventHandlerAdapter(bean, MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(bean.getClass()),
                        (executable, parameters, index) -> parameters[index].getType() == GroupMembers.class
                                ? new FixedValueParameterResolver<>(groups) : null)))
                .toList();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public void publish(Object event) {
        var message = GenericEventMessage.asEventMessage(event);
        for (AnnotationEventHandlerAdapter handler : handlers) {
            try {
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Projection failed on " + event, e);
            }
        }
    }

    /** Registers an artifact whose full download is {@code declaredBytes} (bundle: {@code bundleBytes}). */
    public void register(String id, ArtifactType type, String name, String repoId, long declaredBytes, long bundleBytes) {
        SourceKind kind = switch (type) {
            case MODEL -> SourceKind.HUGGINGFACE_MODEL;
            case DATASET -> SourceKind.HUGGINGFACE_DATASET;
            case CODE -> SourceKind.GITHUB_REPOSITORY;
        };
        String url = switch (type) {
            case MODEL -> "https://huggingface.co/" + repoId;
            case DATASET -> "https://huggingface.co/datasets/" + repoId;
            case CODE -> "https://github.com/" + repoId;
        };
        ArtifactContent content = new ArtifactContent(url, new SourceRef(kind, repoId, "main", null, url),
                new StoredPackage("d".repeat(64), bundleBytes, declaredBytes, List.of()), ArtifactDocumentRefs.none(),
                "apache-2.0", null);
        publish(new ArtifactRegistered(id, type, name, content, ADMIN, AT));
    }

    public void declare(String id, String name, boolean malformed, DeclaredRelationship... relationships) {
        publish(new ArtifactRelationshipsDeclared(id, ArtifactType.MODEL, name, List.of(relationships), malformed, AT));
    }

    public static DeclaredRelationship baseModel(String target) {
        return new DeclaredRelationship(target, "model", "base_model", "model_card", "README.md front matter base_model: " + target);
    }

    public static DeclaredRelationship trainedOn(String target) {
        return new DeclaredRelationship(target, "dataset", "trained_on", "model_card", "README.md front matter datasets: " + target);
    }

    public static DeclaredRelationship code(String target) {
        return new DeclaredRelationship(target, "code", "code_repository", "readme_text", "README.md line 1: https://github.com/" + target);
    }

    @Override
    public void close() {
        context.close();
    }
}
