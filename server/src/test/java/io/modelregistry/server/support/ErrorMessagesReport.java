package io.modelregistry.server.support;

import io.modelregistry.api.error.ErrorMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build's report of which catalogue entries ({@link ErrorMessage}) the tests made the registry answer with: the
 * test JVMs and the jars they start append each id they answered to one file ({@code ProducedErrors}); after the
 * integration tests this writes {@code target/error-messages-report.md} and fails the build when fewer than the
 * threshold's share were produced. A run of chosen tests only ({@code -Dtest=...} or {@code -Dit.test=...}) gets the
 * report but no gate: a few tests cannot produce most messages.
 *
 * <p>Run by the server's build (exec-maven-plugin): {@code reset <ids file>} before the tests, so an earlier build's
 * ids never count, and {@code report <ids file> <report> <threshold>} at {@code verify}.
 */
public final class ErrorMessagesReport {

    private ErrorMessagesReport() {
    }

    public static void main(String[] args) throws IOException {
        Path ids = Path.of(args[1]);
        if ("reset".equals(args[0])) {
            Files.deleteIfExists(ids);
            return;
        }
        Path report = Path.of(args[2]);
        double threshold = Double.parseDouble(args[3]);
        // exec:java runs in Maven's JVM, where -Dtest=... and -Dit.test=... of the command line are system properties
        boolean chosenTestsOnly = given(System.getProperty("test")) || given(System.getProperty("it.test"));
        Set<String> produced = Files.exists(ids) ? new TreeSet<>(Files.readAllLines(ids)) : Set.of();
        List<ErrorMessage> missing = new ArrayList<>();
        for (ErrorMessage message : ErrorMessage.values()) {
            if (!produced.contains(message.id())) {
                missing.add(message);
            }
        }
        int total = ErrorMessage.values().length;
        int hit = total - missing.size();
        double share = (double) hit / total;
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown(hit, total, share, threshold, chosenTestsOnly, missing));
        String summary = String.format(Locale.ROOT, "Error messages produced by the tests: %d of %d (%.1f %%), see %s",
                hit, total, 100 * share, report);
        System.out.println(summary);
        if (share < threshold && !chosenTestsOnly) {
            throw new IllegalStateException(summary + String.format(Locale.ROOT,
                    "; the build requires at least %.0f %%.", 100 * threshold));
        }
    }

    private static boolean given(String property) {
        return property != null && !property.isBlank();
    }

    static String markdown(int hit, int total, double share, double threshold, boolean chosenTestsOnly,
                           List<ErrorMessage> missing) {
        StringBuilder out = new StringBuilder("# Error messages produced by the tests\n\n");
        out.append(String.format(Locale.ROOT, "%d of %d catalogue entries (%.1f %%) were answered to a client by the"
                + " tests of this build; the gate is %.0f %%%s.%n%n", hit, total, 100 * share, 100 * threshold,
                chosenTestsOnly ? " (not applied: only chosen tests ran)" : ""));
        out.append("## Never produced (").append(missing.size()).append(")\n\n");
        if (missing.isEmpty()) {
            out.append("None.\n");
        } else {
            out.append("| id | kind | message |\n| --- | --- | --- |\n");
            for (ErrorMessage message : missing) {
                out.append("| `").append(message.id()).append("` | ").append(message.kind()).append(" | ")
                        .append(message.template().replace("|", "\\|")).append(" |\n");
            }
        }
        return out.toString();
    }
}
