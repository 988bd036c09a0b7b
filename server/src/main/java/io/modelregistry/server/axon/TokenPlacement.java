package io.modelregistry.server.axon;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where the tracking processors keep their tokens: beside the read models they describe. Embedded read models
 * (H2 tables and a Lucene index on this node's disk) keep them in this node's H2 database, so a JDBC read model
 * stores its rows and its token in one transaction and every node builds complete read models of its own from
 * the shared log. Read models every node shares (OpenSearch) keep them in the token store every node shares
 * (DynamoDB), so each event is applied once, by whichever node holds the segment.
 */
public final class TokenPlacement {

    private TokenPlacement() {
    }

    static boolean shared(Environment environment) {
        return "dynamodb".equals(value(environment, "registry.event-store", "jdbc"))
                && "opensearch".equals(value(environment, "registry.read-models", "embedded"));
    }

    private static String value(Environment environment, String property, String defaultValue) {
        return environment.getProperty(property, defaultValue).strip().toLowerCase(Locale.ROOT);
    }

    /** The log is DynamoDB and the read models OpenSearch: one token store for every node. */
    public static final class Shared implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return shared(context.getEnvironment());
        }
    }

    /** Anything else: the node's own H2 database. */
    public static final class NodeLocal implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !shared(context.getEnvironment());
        }
    }
}
