package io.modelregistry.projection.card;

import io.modelregistry.api.card.ArtifactCard;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * Which of an artifact's cards is its latest, the same for every adapter of the card read model: semantic-version
 * precedence (so a pre-release sorts below its release), a version that is not semantic below every one that is,
 * and the later card among versions of equal precedence.
 */
public final class CardPrecedence {

    /** Ascending: the latest card is the greatest. */
    public static final Comparator<ArtifactCard> ORDER = Comparator.comparing(
            (ArtifactCard card) -> Optional.ofNullable(Semver.parse(card.version())),
            (a, b) -> a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) : Boolean.compare(a.isPresent(),
                    b.isPresent())).thenComparing(ArtifactCard::at);

    private CardPrecedence() {
    }

    /** The latest of {@code cards} for each artifact among them. */
    public static Map<String, ArtifactCard> latestOfEach(Collection<ArtifactCard> cards) {
        Map<String, ArtifactCard> latest = new HashMap<>();
        for (ArtifactCard card : cards) {
            latest.merge(card.artifactId(), card, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
        }
        return Collections.unmodifiableMap(latest);
    }
}
