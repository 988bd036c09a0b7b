package io.modelregistry.workload;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The registry process's CPU time and memory, sampled during a run. The REST API does not report them, so the probe
 * reads them where the process is: {@code /proc/PID} for a registry the tool started (or was told the pid of), the
 * JVM's own beans when the registry itself runs the workload (then its figures include the workload's clients).
 */
public interface ServerProbe {

    /** What is sampled, in words, for the report. */
    String describe();

    /** CPU time (user + system) of the whole process so far. */
    OptionalLong cpuNanos();

    /** Resident set size. */
    OptionalLong residentBytes();

    /** Java heap in use (only where the JVM can be asked). */
    OptionalLong heapUsedBytes();

    static ServerProbe none() {
        return new ServerProbe() {
            public String describe() {
                return "not sampled (no registry process given)";
            }

            public OptionalLong cpuNanos() {
                return OptionalLong.empty();
            }

            public OptionalLong residentBytes() {
                return OptionalLong.empty();
            }

            public OptionalLong heapUsedBytes() {
                return OptionalLong.empty();
            }
        };
    }

    /** A process on this machine, by pid, from {@code /proc} (Linux). */
    static ServerProbe process(long pid) {
        return new ServerProbe() {
            public String describe() {
                return "registry process " + pid + " (/proc), clients in another process";
            }

            public OptionalLong cpuNanos() {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                    // fields after the command name, which is in parentheses and may contain spaces
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    return OptionalLong.of(ticks * 10_000_000L); // USER_HZ is 100 on Linux
                } catch (IOException | RuntimeException e) {
                    return OptionalLong.empty();
                }
            }

            public OptionalLong residentBytes() {
                return rss(Path.of("/proc", Long.toString(pid), "status"));
            }

            public OptionalLong heapUsedBytes() {
                return OptionalLong.empty();
            }
        };
    }

    /**
     * A process and its direct children, summed (nginx: a master that only supervises, and the workers that send the
     * bytes; the master alone would read as idle).
     */
    static ServerProbe processTree(long pid) {
        ServerProbe parent = process(pid);
        return new ServerProbe() {
            public String describe() {
                return "process " + pid + " and its child processes (/proc)";
            }

            public OptionalLong cpuNanos() {
                return sum(ServerProbe::cpuNanos);
            }

            public OptionalLong residentBytes() {
                return sum(ServerProbe::residentBytes);
            }

            public OptionalLong heapUsedBytes() {
                return OptionalLong.empty();
            }

            private OptionalLong sum(java.util.function.Function<ServerProbe, OptionalLong> figure) {
                OptionalLong own = figure.apply(parent);
                if (own.isEmpty()) {
                    return own;
                }
                long total = own.getAsLong();
                for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.children().toList()).orElse(List.of())) {
                    total += figure.apply(process(child.pid())).orElse(0);
                }
                return OptionalLong.of(total);
            }
        };
    }

    /** This JVM: the registry when the dashboard started the run. */
    static ServerProbe thisJvm() {
        return new ServerProbe() {
            public String describe() {
                return "the registry's own JVM, which also runs the workload's clients";
            }

            public OptionalLong cpuNanos() {
                if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                    long nanos = os.getProcessCpuTime();
                    return nanos < 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
                }
                return OptionalLong.empty();
            }

            public OptionalLong residentBytes() {
                return rss(Path.of("/proc/self/status"));
            }

            public OptionalLong heapUsedBytes() {
                return OptionalLong.of(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        };
    }

    private static OptionalLong rss(Path status) {
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
