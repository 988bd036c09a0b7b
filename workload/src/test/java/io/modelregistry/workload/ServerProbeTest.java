package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** nginx's master only supervises: a probe of it alone would read as idle while its workers send the bytes. */
class ServerProbeTest {

    @Test
    void theTreeProbeCountsTheCpuOfChildProcessesWhichTheProcessProbeDoesNot() throws Exception {
        // a shell that waits for a busy child (arithmetic only, no forks): the shell itself idles, like nginx's master
        Process parent = new ProcessBuilder("sh", "-c",
                "sh -c 'i=0; while [ $i -lt 100000000 ]; do i=$((i+1)); done' & wait").start();
        try {
            Thread.sleep(1500);
            long own = ServerProbe.process(parent.pid()).cpuNanos().orElseThrow();
            long tree = ServerProbe.processTree(parent.pid()).cpuNanos().orElseThrow();
            assertThat(tree - own).as("the busy child's CPU time").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
