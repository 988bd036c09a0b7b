package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The server's CPU and memory while a phase runs, from whatever probe the run has. */
class ResourceSamplerTest {

    @Test
    void aProbeThatAnswersGivesCoresBusyAndTheFirstLastAndLargestMemory() throws Exception {
        AtomicLong samples = new AtomicLong();
        long started = System.nanoTime();
        ServerProbe probe = new ServerProbe() {
            public String describe() {
                return "a test probe";
            }

            public OptionalLong cpuNanos() {
                // exactly two cores busy since the start, whenever it is asked
                return OptionalLong.of(2 * (System.nanoTime() - started));
            }

            public OptionalLong residentBytes() {
                long n = samples.incrementAndGet();
                return OptionalLong.of(n == 2 ? 300_000_000L : 100_000_000L);
            }

            public OptionalLong heapUsedBytes() {
                return OptionalLong.of(50_000_000L);
            }
        };
        ResourceSampler sampler = new ResourceSampler(probe, 20);
        Thread.sleep(120);
        sampler.close();

        Map<String, Object> json = sampler.toJson();

        assertThat(json).containsEntry("sampled", "a test probe").containsEntry("interval_ms", 20L);
        assertThat((Integer) json.get("samples")).isGreaterThanOrEqualTo(3);
        assertThat((Double) json.get("cpu_cores_mean")).isBetween(1.8, 2.2);
        assertThat((Double) json.get("cpu_cores_max")).isGreaterThanOrEqualTo(1.8);
        assertThat(json.get("resident_mb")).isEqualTo(Map.of("first", 100.0, "last", 100.0, "max", 300.0));
        assertThat(json.get("heap_used_mb")).isEqualTo(Map.of("first", 50.0, "last", 50.0, "max", 50.0));
    }

    @Test
    void withoutAProbeNothingIsMadeUp() throws Exception {
        ResourceSampler sampler = new ResourceSampler(ServerProbe.none(), 1_000);
        sampler.close();

        Map<String, Object> json = sampler.toJson();

        assertThat(json.get("samples")).isEqualTo(2);
        assertThat(json).containsEntry("cpu_cores_mean", null).containsEntry("cpu_cores_max", null)
                .containsEntry("resident_mb", null).containsEntry("heap_used_mb", null);
        assertThat((String) json.get("sampled")).startsWith("not sampled");
    }
}
