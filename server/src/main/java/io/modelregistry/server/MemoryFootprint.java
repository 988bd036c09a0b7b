package io.modelregistry.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the JVM hand unused heap back to the operating system. Started as a plain {@code java -jar}, the JVM
 * sizes its heap for the machine (a quarter of RAM) and G1 keeps what an ingest burst made it grow. These
 * three flags are "manageable" (settable at run time, JEP 346): a concurrent GC after 10 s without one, and
 * tighter free-space ratios so that GC shrinks the heap. A flag given on the command line always wins.
 */
final class MemoryFootprint {

    private static final Logger log = LoggerFactory.getLogger(MemoryFootprint.class);
    private static final Map<String, String> DEFAULTS = Map.of(
            "G1PeriodicGCInterval", "10000",
            "MinHeapFreeRatio", "10",
            "MaxHeapFreeRatio", "30");

    private MemoryFootprint() {
    }

    static void returnIdleMemory() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
            // MaxHeapFreeRatio must stay >= MinHeapFreeRatio at every step, so lower the minimum first.
            for (String flag : List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval")) {
                boolean given = arguments.stream().anyMatch(a -> a.startsWith("-XX:" + flag + "="));
                if (!given && hotspot != null && hotspot.getVMOption(flag).isWriteable()) {
                    hotspot.setVMOption(flag, DEFAULTS.get(flag));
                }
            }
        } catch (RuntimeException e) {
            // Another JVM or GC: the flags do not exist or are not writable; the defaults are fine there.
            log.debug("heap return-to-OS flags not applied: {}", e.toString());
        }
    }
}
