package io.modelregistry.projection.search.opensearch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenSearch search adapter's one setting, the same key as the Lucene adapter's: {@code registry.search.regex-budget},
 * how long one regular-expression query may read and verify candidates before it is cut off with a clear answer
 * (positive, at most 10 minutes; checked by the adapter). The Lucene index's {@code commit-interval} means nothing
 * here: every acknowledged OpenSearch write is durable.
 */
@ConfigurationProperties(prefix = "registry.search")
record OpenSearchSearchProperties(@DefaultValue("PT5S") Duration regexBudget) {
}
