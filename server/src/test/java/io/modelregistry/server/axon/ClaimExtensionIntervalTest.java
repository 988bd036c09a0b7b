package io.modelregistry.server.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A claim must be renewed well before anyone else may take it, whatever the claim timeout is set to. */
class ClaimExtensionIntervalTest {

    @Test
    void unsetTheIntervalIsAFifthOfTheClaimTimeout() {
        assertThat(AxonSetup.claimExtensionInterval(Optional.empty(), Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(AxonSetup.claimExtensionInterval(Optional.empty(), Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void zeroRenewsWheneverAxonAsksAndMoreThanAThirdOfTheTimeoutIsRefusedAtStart() {
        assertThat(AxonSetup.claimExtensionInterval(Optional.of(Duration.ZERO), Duration.ofSeconds(10))).isZero();
        assertThat(AxonSetup.claimExtensionInterval(Optional.of(Duration.ofSeconds(3)), Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> AxonSetup.claimExtensionInterval(Optional.of(Duration.ofSeconds(4)),
                Duration.ofSeconds(10))).hasMessageContaining("registry.projections.claim-extension-interval");
        assertThatThrownBy(() -> AxonSetup.claimExtensionInterval(Optional.of(Duration.ofSeconds(-1)),
                Duration.ofSeconds(10))).hasMessageContaining("third of the claim timeout");
    }
}
