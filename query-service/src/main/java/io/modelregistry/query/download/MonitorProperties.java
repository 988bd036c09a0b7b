package io.modelregistry.query.download;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code registry.monitor.*}: how a sensitive model's monitor program is run (see
 * docs/decisions/0072-download-monitor.md). {@code nodeBinary}: the Node.js executable (a path, or a name looked up
 * on the server's PATH); {@code timeout}: how long one run may take before its process is killed;
 * {@code maxOutput}: how much of each of stdout and stderr is kept (the rest is read and dropped);
 * {@code maxConcurrent}: runs at once (a download past them waits up to {@code timeout} for a slot, then 503);
 * {@code environment}: the only variables of the server's environment a program sees (besides HOME and TMPDIR, its
 * scratch directory); {@code sandbox}: {@code permission} runs Node.js under its permission model (file system
 * limited to the scratch directory, no child processes, workers or addons; the network stays open), {@code none}
 * does not (then the program can read every file the server can).
 */
@Validated
@ConfigurationProperties(prefix = "registry.monitor")
record MonitorProperties(
        @NotBlank @DefaultValue("node") String nodeBinary,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("64KB") DataSize maxOutput,
        @Min(1) @Max(64) @DefaultValue("4") int maxConcurrent,
        @NotNull @DefaultValue({"PATH", "LANG", "LC_ALL", "TZ"}) List<String> environment,
        @NotBlank @DefaultValue("permission") String sandbox) {

    MonitorProperties {
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("registry.monitor.timeout must be between 100ms and 10m");
        }
        if (maxOutput.toBytes() < 1024 || maxOutput.toBytes() > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("registry.monitor.max-output must be between 1KB and 16MB");
        }
        if (!sandbox.equals("permission") && !sandbox.equals("none")) {
            throw new IllegalArgumentException("registry.monitor.sandbox must be permission or none");
        }
        environment = List.copyOf(environment);
    }

    boolean sandboxed() {
        return sandbox.equals("permission");
    }
}
