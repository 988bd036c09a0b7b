package io.modelregistry.projection.search.lucene;

import static io.modelregistry.projection.search.lucene.RecoveryPlan.Action.CLEAR_INDEX;
import static io.modelregistry.projection.search.lucene.RecoveryPlan.Action.NONE;
import static io.modelregistry.projection.search.lucene.RecoveryPlan.Action.REPLAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecoveryPlanTest {

    private static SearchIndex.CommittedState index(long position, boolean clean, long documents) {
        return new SearchIndex.CommittedState(true, position, clean, documents);
    }

    private static List<OptionalLong> tokens(long... positions) {
        return java.util.Arrays.stream(positions).mapToObj(OptionalLong::of).toList();
    }

    @Test
    void noTokensMeansTheProcessorStartsOverSoMustTheIndex() {
        assertThat(RecoveryPlan.decide(index(10, true, 3), List.of())).isEqualTo(CLEAR_INDEX);
        assertThat(RecoveryPlan.decide(index(-1, false, 0), List.of())).isEqualTo(NONE);
    }

    @Test
    void indexBehindTheTokensReplays() {
        assertThat(RecoveryPlan.decide(index(5, false, 3), tokens(9))).isEqualTo(REPLAY);
        assertThat(RecoveryPlan.decide(index(5, true, 3), tokens(9))).isEqualTo(REPLAY);
        assertThat(RecoveryPlan.decide(index(-1, false, 0), tokens(0))).isEqualTo(REPLAY);
        assertThat(RecoveryPlan.decide(index(9, true, 3), tokens(9, 12))).isEqualTo(REPLAY);
    }

    @Test
    void indexAtOrAheadOfASingleSegmentContinues() {
        assertThat(RecoveryPlan.decide(index(9, false, 3), tokens(9))).isEqualTo(NONE);
        assertThat(RecoveryPlan.decide(index(11, false, 3), tokens(9))).isEqualTo(NONE);
        assertThat(RecoveryPlan.decide(index(-1, false, 0), tokens(-1))).isEqualTo(NONE);
    }

    @Test
    void severalSegmentsInterleaveSoOnlyACleanShutdownProvesCompleteness() {
        assertThat(RecoveryPlan.decide(index(9, false, 3), tokens(9, 8))).isEqualTo(REPLAY);
        assertThat(RecoveryPlan.decide(index(9, true, 3), tokens(9, 8))).isEqualTo(NONE);
    }

    @Test
    void tokensWithoutPositionTrustOnlyACleanShutdown() {
        List<OptionalLong> unknown = List.of(OptionalLong.empty());
        assertThat(RecoveryPlan.decide(index(9, false, 3), unknown)).isEqualTo(REPLAY);
        assertThat(RecoveryPlan.decide(index(9, true, 3), unknown)).isEqualTo(NONE);
    }
}
