package io.modelregistry.query.confusion;

import java.util.Locale;

/**
 * The confusion categories of Neupane et al. ("Beyond Typosquatting", USENIX Security 2023), each with the suspicion
 * its name similarity alone carries before metadata (owner, uploader, popularity, age, traffic) adjusts it. A
 * homograph is nearly indistinguishable on screen, so it starts highest; dropping a token is also how genuine
 * families are named, so simplification starts lowest.
 */
public enum ConfusionCategory {
    SCOPE(0.70),
    HOMOGRAPH(0.90),
    DELIMITER(0.70),
    VERSION(0.60),
    REORDER(0.65),
    ALTERNATE_SPELLING(0.70),
    AFFIX(0.65),
    SIMPLIFICATION(0.55),
    TYPO(0.75),
    HOMOPHONE(0.60);

    private final double baseScore;

    ConfusionCategory(double baseScore) {
        this.baseScore = baseScore;
    }

    double baseScore() {
        return baseScore;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
