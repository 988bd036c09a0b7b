package io.modelregistry.rating;

import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.rating.RatingMetric;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the card's demonstration code runs as written: 1 unchanged, 0.5 after automatic repair, 0 when there
 * is no demo or it cannot run (measured); 0 without evidence when there is no card, or only code in other
 * languages, which is not checked. The demo blocks are the card's Python code blocks that import something
 * or load a model (at most 8); the {@link DemoCodeRunner} decides (by default statically, never executing).
 */
final class Reproducibility implements Metric {

    private static final Pattern DEMO = Pattern.compile(
            "from_pretrained\\(|pipeline\\(|SentenceTransformer\\(|hf_hub_download|snapshot_download|\\bimport\\s");

    private final DemoCodeRunner runner;

    Reproducibility(DemoCodeRunner runner) {
        this.runner = runner;
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.REPRODUCIBILITY;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        List<String> blocks = subject.card().codeBlocks().stream()
                .filter(CodeBlock::looksLikePython)
                .map(CodeBlock::code)
                .filter(code -> DEMO.matcher(code).find())
                .limit(StaticDemoCodeRunner.MAX_BLOCKS)
                .toList();
        if (!subject.card().present()) {
            return MetricValue.unknown(0, "no model card to read demonstration code from");
        }
        if (blocks.isEmpty()) {
            // no demo at all is the course's 0; a demo in a language we do not check is not known to fail
            boolean otherCode = !subject.card().codeBlocks().isEmpty();
            return otherCode ? MetricValue.unknown(0, "no Python demonstration code (other code blocks are not checked)")
                    : MetricValue.of(0, "no demonstration code in the card");
        }
        var verdict = runner.run(new DemoCodeRunner.Request(subject.repoId(), subject.name(),
                subject.library().orElse(null), localModules(subject.files()), blocks));
        double score = switch (verdict.outcome()) {
            case RUNS -> 1;
            case RUNS_AFTER_REPAIR -> 0.5;
            case FAILS -> 0;
        };
        return MetricValue.of(score, verdict.detail());
    }

    /** Top-level {@code *.py} files of the model repository: modules a demo may import (custom code). */
    private static Set<String> localModules(List<PackageFile> files) {
        Set<String> modules = new LinkedHashSet<>();
        for (PackageFile file : files) {
            String path = file.path();
            if (!path.contains("/") && path.endsWith(".py") && path.length() > 3) {
                modules.add(path.substring(0, path.length() - 3));
            }
            if (modules.size() >= 200) {
                break;
            }
        }
        return modules;
    }
}
