package io.modelregistry.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build's line-coverage report and gates: reads the two CSV reports JaCoCo aggregates over every module (unit
 * tests alone, and every test including the jars the end-to-end tests start), writes {@code target/coverage-report.md}
 * with one row per module, and fails the build when either total is under its threshold. A run of chosen tests only
 * ({@code -Dtest=...} or {@code -Dit.test=...}) gets the report but no gate, as with {@link ErrorMessagesReport}.
 *
 * <p>Arguments: {@code <unit csv> <all csv> <report> <unit threshold> <all threshold>}.
 */
public final class CoverageReport {

    private CoverageReport() {
    }

    /** Covered and missed lines of one module. */
    record Lines(long covered, long missed) {

        Lines plus(Lines other) {
            return new Lines(covered + other.covered, missed + other.missed);
        }

        double share() {
            long total = covered + missed;
            return total == 0 ? 1.0 : (double) covered / total;
        }
    }

    public static void main(String[] args) throws IOException {
        Path unitCsv = Path.of(args[0]);
        Path allCsv = Path.of(args[1]);
        Path report = Path.of(args[2]);
        double unitThreshold = Double.parseDouble(args[3]);
        double allThreshold = Double.parseDouble(args[4]);
        boolean chosenTestsOnly = given(System.getProperty("test")) || given(System.getProperty("it.test"));
        if (!Files.exists(unitCsv) || !Files.exists(allCsv)) {
            // -Djacoco.skip=true or a build that ran no test: nothing to report, nothing to gate
            System.out.println("Coverage: no JaCoCo reports at " + unitCsv + " and " + allCsv + "; not gated");
            return;
        }
        Map<String, Lines> unit = byModule(Files.readAllLines(unitCsv));
        Map<String, Lines> all = byModule(Files.readAllLines(allCsv));
        Lines unitTotal = total(unit);
        Lines allTotal = total(all);
        StringBuilder md = new StringBuilder("# Line coverage\n\n")
                .append("Classes of `io.modelregistry`, per module, from JaCoCo (`target/coverage/unit` and ")
                .append("`target/coverage/all` hold the HTML reports).\n\n")
                .append("| module | lines | unit tests alone | every test |\n| --- | --- | --- | --- |\n");
        for (var module : all.entrySet()) {
            Lines u = unit.getOrDefault(module.getKey(), new Lines(0, module.getValue().covered + module.getValue().missed));
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% |%n", module.getKey(),
                    module.getValue().covered + module.getValue().missed, 100 * u.share(), 100 * module.getValue().share()));
        }
        md.append(String.format(Locale.ROOT, "| **all modules** | %d | **%.1f %%** (gate %.0f %%) | **%.1f %%** (gate %.0f %%) |%n",
                allTotal.covered + allTotal.missed, 100 * unitTotal.share(), 100 * unitThreshold,
                100 * allTotal.share(), 100 * allThreshold));
        if (chosenTestsOnly) {
            md.append("\nChosen tests only ran: not gated.\n");
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md);
        String summary = String.format(Locale.ROOT,
                "Line coverage: %.1f %% from unit tests alone, %.1f %% with every test, see %s",
                100 * unitTotal.share(), 100 * allTotal.share(), report);
        System.out.println(summary);
        if (chosenTestsOnly) {
            return;
        }
        if (unitTotal.share() < unitThreshold || allTotal.share() < allThreshold) {
            throw new IllegalStateException(summary + String.format(Locale.ROOT,
                    "; the build requires at least %.1f %% and %.1f %%.", 100 * unitThreshold, 100 * allThreshold));
        }
    }

    /** JaCoCo's CSV: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,... */
    static Map<String, Lines> byModule(List<String> csv) {
        Map<String, Lines> modules = new TreeMap<>();
        List<String> header = List.of(csv.get(0).split(","));
        int group = header.indexOf("GROUP");
        int missed = header.indexOf("LINE_MISSED");
        int covered = header.indexOf("LINE_COVERED");
        if (group < 0 || missed < 0 || covered < 0) {
            throw new IllegalArgumentException("not a JaCoCo CSV report: " + csv.get(0));
        }
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",");
            // an aggregate's group is "<report title>/<module>"
            String name = cells[group].substring(cells[group].lastIndexOf('/') + 1);
            modules.merge(name, new Lines(Long.parseLong(cells[covered]), Long.parseLong(cells[missed])), Lines::plus);
        }
        return modules;
    }

    private static Lines total(Map<String, Lines> modules) {
        return modules.values().stream().reduce(new Lines(0, 0), Lines::plus);
    }

    private static boolean given(String property) {
        return property != null && !property.isBlank();
    }
}
