package io.modelregistry.projection.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import io.modelregistry.api.artifact.ArtifactVersionAdded;
import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.api.lineage.ArtifactRelationshipsDeclared;
import io.modelregistry.api.rating.ModelRated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every processor skips the events of a group's execution where they stand and applies them at the group's commit
 * marker, through the projection's own handler of {@link GroupCommitted}. A projection that handles artifact events
 * without that handler would silently never see anything a group wrote (a weights scan uploaded in a group, and so a
 * download that should be refused), so a new projection cannot forget it.
 */
class EveryProjectionHonoursGroupsTest {

    @Test
    void everyProjectionThatHandlesAnEventAGroupCanAppendAlsoHandlesTheGroupCommitMarker() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        List<String> projections = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("io.modelregistry.projection")) {
            Class<?> projection = Class.forName(candidate.getBeanClassName());
            List<Class<?>> handled = Arrays.stream(projection.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(EventHandler.class) && m.getParameterCount() > 0)
                    .<Class<?>>map(m -> m.getParameterTypes()[0]).toList();
            projections.add(projection.getSimpleName());
            if (handled.stream().anyMatch(EveryProjectionHonoursGroupsTest::canBeAGroupMember)
                    && !handled.contains(GroupCommitted.class)) {
                missing.add(projection.getName());
            }
        }
        assertThat(projections).as("the projections found").contains("ArtifactDirectoryProjection",
                "WeightsScansProjection", "SearchProjection");
        assertThat(missing).as("projections that would ignore what a group transaction wrote").isEmpty();
    }

    /** What a group's execution appends: the events of registrations, versions, updates and deletions. */
    private static final Set<Class<?>> GROUP_MEMBERS = Set.of(ArtifactRegistered.class, ArtifactVersionAdded.class,
            ArtifactUpdated.class, ArtifactDeleted.class, ArtifactRelationshipsDeclared.class, ModelRated.class);

    private static boolean canBeAGroupMember(Class<?> event) {
        return GROUP_MEMBERS.contains(event);
    }
}
