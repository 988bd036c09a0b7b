package io.modelregistry.command.artifact;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * New artifact ids: 18 random decimal digits, like the contract's numeric examples, and far too many to
 * collide in practice (the claim table's primary key would refuse a collision rather than overwrite).
 */
@Component
public class ArtifactIds {

    private static final long BOUND = 900_000_000_000_000_000L;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        return Long.toString(100_000_000_000_000_000L + random.nextLong(BOUND));
    }
}
