package io.modelregistry.rating;

import io.modelregistry.api.rating.RatingMetric;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the training data and the code are named and reachable:
 * <pre>
 *   0.5 × data   a named dataset the hub serves: 1; named but unreachable: 0.5; only described in a
 *                "training data" section (100+ characters): 0.25; nothing: 0
 *   0.5 × code   a linked GitHub repository GitHub serves: 1; linked but unreachable: 0.5; only example code
 *                in the card: 0.25; nothing: 0
 * </pre>
 * Naming nothing is measured (0 for that half); a named dataset or repository that could not be reached makes
 * the value partly measured.
 */
final class DatasetAndCodeScore implements Metric {

    private static final Pattern TRAINING_DATA = Pattern.compile("(?i)(training data|dataset|data)");

    @Override
    public Set<Evidence> needs() {
        return Set.of(Evidence.DATASETS, Evidence.REPOSITORIES);
    }

    @Override
    public RatingMetric id() {
        return RatingMetric.DATASET_AND_CODE_SCORE;
    }

    @Override
    public MetricValue compute(RatingSubject subject) {
        var datasets = subject.datasets();
        long reachableData = datasets.stream().filter(DatasetEvidence::reachable).count();
        boolean describedData = subject.card().sectionsTitled(TRAINING_DATA).stream()
                .anyMatch(s -> ModelCard.substance(s.prose()).length() >= 100);
        double data = reachableData > 0 ? 1 : !datasets.isEmpty() ? 0.5 : describedData ? 0.25 : 0;

        var repositories = subject.repositories();
        long reachableCode = repositories.stream().filter(RepositoryEvidence::reachable).count();
        boolean exampleCode = !subject.card().codeBlocks().isEmpty();
        double code = reachableCode > 0 ? 1 : !repositories.isEmpty() ? 0.5 : exampleCode ? 0.25 : 0;

        String dataWhy = reachableData > 0 ? reachableData + " of " + datasets.size() + " named dataset(s) reachable"
                : !datasets.isEmpty() ? "datasets named but unreachable (" + String.join(", ", subject.datasetIds()) + ")"
                : describedData ? "training data only described" : "no training data named";
        String codeWhy = reachableCode > 0 ? "code at " + String.join(", ", subject.repositoryNames())
                : !repositories.isEmpty() ? "code repository linked but unreachable"
                : exampleCode ? "only example code in the card" : "no code linked";
        // naming nothing is what this metric measures; a named dataset or repository that could not be reached
        // is known to exist only by name
        boolean unreached = reachableData < datasets.size() || reachableCode < repositories.size();
        return unreached ? MetricValue.partial(0.5 * data + 0.5 * code, dataWhy + "; " + codeWhy)
                : MetricValue.of(0.5 * data + 0.5 * code, dataWhy + "; " + codeWhy);
    }
}
