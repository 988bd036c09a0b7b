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
            // on a loaded machine the child gets its CPU slowly: wait for it (bounded) rather than for a fixed time
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long own;
            long tree;
            do {
                Thread.sleep(200);
                own = ServerProbe.process(parent.pid()).cpuNanos().orElseThrow();
                tree = ServerProbe.processTree(parent.pid()).cpuNanos().orElseThrow();
            } while (tree - own <= TimeUnit.MILLISECONDS.toNanos(300) && System.nanoTime() < deadline);
            assertThat(tree - own).as("the busy child's CPU time").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
            assertThat(own).as("the idle shell's own CPU time").isLessThan(tree - own);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
