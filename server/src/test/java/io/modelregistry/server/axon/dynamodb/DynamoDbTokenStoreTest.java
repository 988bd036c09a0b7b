package io.modelregistry.server.axon.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Claims on processor segments between nodes: exclusive, released, and lost to others when a node stops renewing. */
class DynamoDbTokenStoreTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private DynamoDbClient client;
    private DynamoDbTokenStore node1;
    private DynamoDbTokenStore node2;

    @BeforeEach
    void open() {
        client = Dynalite.shared().client();
        var tables = Dynalite.freshTables("tokens");
        new DynamoDbTables(client, tables).createIfMissing(Duration.ofSeconds(30));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var serializer = JacksonSerializer.defaultSerializer();
        node1 = new DynamoDbTokenStore(client, tables.tokens(), serializer, CLAIM_TIMEOUT, "node-1", clock);
        node2 = new DynamoDbTokenStore(client, tables.tokens(), serializer, CLAIM_TIMEOUT, "node-2", clock);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Test
    void segmentsAreInitialisedOnceWithTheirTokenAndListed() {
        node1.initializeTokenSegments("directory", 2, new GlobalSequenceTrackingToken(7));
        assertThat(node1.fetchSegments("directory")).containsExactly(0, 1);
        assertThat(node1.fetchSegments("other")).isEmpty();
        assertThatThrownBy(() -> node2.initializeTokenSegments("directory", 2))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(node1.fetchToken("directory", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
        assertThatThrownBy(() -> node1.initializeSegment(null, "directory", 1))
                .isInstanceOf(UnableToInitializeTokenException.class);
        node1.initializeSegment(null, "directory", 2);
        assertThat(node2.fetchToken("directory", 2)).isNull();
        assertThatThrownBy(() -> node1.fetchToken("never-initialised", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void aClaimedSegmentIsOnlyThatNodesUntilReleased() {
        node1.initializeTokenSegments("search", 1);
        assertThat(node1.fetchToken("search", 0)).isNull();
        node1.storeToken(new GlobalSequenceTrackingToken(3), "search", 0);
        assertThatThrownBy(() -> node2.fetchToken("search", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node2.storeToken(new GlobalSequenceTrackingToken(99), "search", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node2.extendClaim("search", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(node2.fetchAvailableSegments("search")).isEmpty();
        assertThat(node1.fetchAvailableSegments("search")).containsExactly(Segment.ROOT_SEGMENT);

        node2.releaseClaim("search", 0); // not its claim: nothing happens
        assertThatThrownBy(() -> node2.fetchToken("search", 0)).isInstanceOf(UnableToClaimTokenException.class);
        node1.releaseClaim("search", 0);
        assertThat(node2.fetchToken("search", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThatThrownBy(() -> node1.storeToken(new GlobalSequenceTrackingToken(4), "search", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void aNodeThatStopsRenewingLosesItsSegmentAfterTheClaimTimeout() {
        node1.initializeTokenSegments("audit", 1);
        node1.fetchToken("audit", 0);
        advance(CLAIM_TIMEOUT.minusSeconds(1));
        node1.extendClaim("audit", 0);
        advance(CLAIM_TIMEOUT.minusSeconds(1));
        assertThatThrownBy(() -> node2.fetchToken("audit", 0)).as("renewed in time").isInstanceOf(UnableToClaimTokenException.class);
        advance(Duration.ofSeconds(2)); // node 1 died: no renewal for longer than the claim timeout
        assertThat(node2.fetchAvailableSegments("audit")).containsExactly(Segment.ROOT_SEGMENT);
        node2.fetchToken("audit", 0);
        node2.storeToken(new GlobalSequenceTrackingToken(12), "audit", 0);
        assertThatThrownBy(() -> node1.storeToken(new GlobalSequenceTrackingToken(5), "audit", 0))
                .as("the old owner cannot write over the new owner's progress").isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> node1.deleteToken("audit", 0)).isInstanceOf(UnableToClaimTokenException.class);
        node2.deleteToken("audit", 0);
        assertThat(node2.fetchSegments("audit")).isEmpty();
    }

    @Test
    void theStorageIdentifierIsCreatedOnceAndSharedByEveryNode() {
        String id = node1.retrieveStorageIdentifier().orElseThrow();
        assertThat(node2.retrieveStorageIdentifier()).hasValue(id);
        assertThat(node1.retrieveStorageIdentifier()).hasValue(id);
    }

    @Test
    void anyNodeReadsHowFarAProcessorGotOnTheNodeHoldingItWithoutTakingTheClaim() {
        assertThat(node2.lowestPosition("directory")).isEmpty();
        node1.initializeTokenSegments("directory", 2, null);
        assertThat(node2.lowestPosition("directory")).hasValue(-1);

        node1.fetchToken("directory", 0);
        node1.fetchToken("directory", 1);
        node1.storeToken(new GlobalSequenceTrackingToken(12), "directory", 0);
        node1.storeToken(new GlobalSequenceTrackingToken(9), "directory", 1);
        assertThat(node2.lowestPosition("directory")).as("the lowest of the segments").hasValue(9);

        node1.storeToken(new GlobalSequenceTrackingToken(15), "directory", 1);
        assertThat(node2.lowestPosition("directory")).hasValue(12);
        assertThatThrownBy(() -> node2.fetchToken("directory", 0)).as("node-1 still holds it")
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void eachNodeKnowsWhenItLastConfirmedItsClaimAndForgetsAClaimItLostOrReleased() {
        node1.initializeTokenSegments("lineage", 1);
        assertThat(node1.confirmedAt("lineage", 0)).isEmpty();
        node1.fetchToken("lineage", 0);
        assertThat(node1.confirmedAt("lineage", 0)).hasValue(now.get().toEpochMilli());

        advance(Duration.ofSeconds(3));
        node1.renew("lineage", 0);
        assertThat(node1.confirmedAt("lineage", 0)).as("the claim time the store now holds")
                .hasValue(now.get().toEpochMilli());
        advance(Duration.ofSeconds(1));
        node1.storeToken(new GlobalSequenceTrackingToken(4), "lineage", 0);
        assertThat(node1.confirmedAt("lineage", 0)).hasValue(now.get().toEpochMilli());
        assertThat(node2.confirmedAt("lineage", 0)).isEmpty();

        advance(CLAIM_TIMEOUT.plusSeconds(1)); // node 1 stalls; node 2 takes the segment
        node2.fetchToken("lineage", 0);
        assertThatThrownBy(() -> node1.renew("lineage", 0)).as("a stale node cannot renew a claim it lost")
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(node1.confirmedAt("lineage", 0)).isEmpty();
        assertThat(node2.confirmedAt("lineage", 0)).hasValue(now.get().toEpochMilli());

        node2.releaseClaim("lineage", 0);
        assertThat(node2.confirmedAt("lineage", 0)).isEmpty();
        assertThat(node1.claimTimeout()).isEqualTo(CLAIM_TIMEOUT);
    }
}
