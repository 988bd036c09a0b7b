package io.modelregistry.api.rating;

import java.util.List;
import java.util.Map;

/**
 * One rating of a model as the rating engine produced it, with what the ingest gate made of it.
 *
 * @param repoId        the rated source's repo id (e.g. {@code google-bert/bert-base-uncased}), so child models
 *                      can find this one as a parent
 * @param reasons       one line per metric explaining its value (metric wire name → text)
 * @param failedMetrics metrics that could not be computed (error or timeout); non-empty means the rating failed
 *                      and {@code /rate} answers 500 until the model is rated again
 * @param vetted        whether the rating passes the ingest gate (every non-latency metric at least 0.5)
 * @param gatePolicy    the gate policy in force when rated: {@code enforce} or {@code advisory}
 * @param gateFindings  the metrics below the gate's threshold, with their values (empty when vetted)
 * @param evidence      per computed metric (net_score included), {@link MetricEvidence#wireName()}: whether its
 *                      value was measured, partly measured or had no evidence; empty for ratings recorded before
 *                      it was (a failed metric has no entry)
 * @param links         the datasets and code the rating used and where each was found (registry or hub); empty in
 *                      ratings recorded before links were recorded
 * @param triggeredBy   for {@link RatingTrigger#LINKED_ARTIFACT}: the artifact whose registration caused the rating
 *                      ({@code dataset 1234 (imagenet-1k)}); null otherwise
 */
public record RatingOutcome(String repoId, ModelRating rating, Map<String, String> reasons, List<String> failedMetrics,
                            boolean vetted, String gatePolicy, Map<String, Double> gateFindings,
                            RatingTrigger trigger, Map<String, String> evidence, List<RatingLink> links,
                            String triggeredBy) {

    /** Links bounded like the card links a rating follows (at most 4 datasets, 3 repositories, 8 mentions). */
    public static final int MAX_LINKS = 16;

    public RatingOutcome(String repoId, ModelRating rating, Map<String, String> reasons, List<String> failedMetrics,
                         boolean vetted, String gatePolicy, Map<String, Double> gateFindings, RatingTrigger trigger) {
        this(repoId, rating, reasons, failedMetrics, vetted, gatePolicy, gateFindings, trigger, Map.of(), List.of(),
                null);
    }

    public RatingOutcome(String repoId, ModelRating rating, Map<String, String> reasons, List<String> failedMetrics,
                         boolean vetted, String gatePolicy, Map<String, Double> gateFindings, RatingTrigger trigger,
                         Map<String, String> evidence) {
        this(repoId, rating, reasons, failedMetrics, vetted, gatePolicy, gateFindings, trigger, evidence, List.of(),
                null);
    }

    public RatingOutcome {
        links = links == null ? List.of() : List.copyOf(links.subList(0, Math.min(links.size(), MAX_LINKS)));
        reasons = ordered(reasons);
        evidence = ordered(evidence);
        failedMetrics = failedMetrics == null ? List.of() : List.copyOf(failedMetrics);
        gateFindings = ordered(gateFindings);
    }

    /** The metric's recorded evidence; empty when the metric failed or the rating predates the record. */
    public java.util.Optional<MetricEvidence> evidenceOf(RatingMetric metric) {
        return java.util.Optional.ofNullable(evidence.get(metric.wireName())).flatMap(MetricEvidence::fromWire);
    }

    /** Immutable, in the given order (metric order), so messages and JSON read the same every time. */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    public boolean failed() {
        return !failedMetrics.isEmpty();
    }

    public RatingOutcome withTrigger(RatingTrigger newTrigger) {
        return new RatingOutcome(repoId, rating, reasons, failedMetrics, vetted, gatePolicy, gateFindings, newTrigger,
                evidence, links, triggeredBy);
    }

    /** The same rating, triggered by {@code artifact}'s registration. */
    public RatingOutcome triggeredBy(String artifact) {
        return new RatingOutcome(repoId, rating, reasons, failedMetrics, vetted, gatePolicy, gateFindings,
                RatingTrigger.LINKED_ARTIFACT, evidence, links, artifact);
    }

    public RatingOutcome withLinks(List<RatingLink> newLinks) {
        return new RatingOutcome(repoId, rating, reasons, failedMetrics, vetted, gatePolicy, gateFindings, trigger,
                evidence, newLinks, triggeredBy);
    }
}
