package io.modelregistry.server.evolution;

import io.modelregistry.api.evolution.EventRevision;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * The revision stored with each serialized event: the vocabulary's own {@link EventRevision} (its records carry no
 * Axon annotation), else Axon's {@code @Revision} for Axon's own serialized types.
 */
final class EventRevisions implements RevisionResolver {

    private final RevisionResolver axonAnnotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision != null ? revision.value() : axonAnnotations.revisionOf(payloadType);
    }

    /** True for a stored revision that is the given one, counting an unrecorded revision as the first. */
    static boolean is(String storedRevision, String revision) {
        String effective = storedRevision == null ? EventRevision.FIRST : storedRevision;
        return effective.equals(revision);
    }
}
