package io.modelregistry.query.confusion;

/**
 * How a suspect's name resembles its target's: the category, a sentence saying what differs, and the edit distance
 * when the classifier needed it (-1 otherwise: the detector computes it once for the evidence).
 */
record NameMatch(ConfusionCategory category, String detail, int editDistance, boolean trustWordAffix) {
}
