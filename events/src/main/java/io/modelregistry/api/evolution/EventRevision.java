package io.modelregistry.api.evolution;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's serialized shape, stored with every event so that an upcaster can tell an old shape
 * from the current one. A plain annotation (the vocabulary stays framework-free); the event store's serializer
 * reads it. Every event record carries one. Revision {@code "1"} is the shape events had before revisions were
 * recorded: a stored event without a revision is revision 1. The policy (what may change, and how) is
 * docs/decisions/0034-event-evolution.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {

    /** The revision events stored before revisions were recorded have. */
    String FIRST = "1";

    String value();
}
