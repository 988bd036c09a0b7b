package io.modelregistry.command.ingest;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Builds the human-readable ingest note from the remarks that apply; null when none does. */
final class Notes {

    private Notes() {
    }

    static String join(String... remarks) {
        String joined = Arrays.stream(remarks).filter(Objects::nonNull).filter(r -> !r.isBlank())
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }
}
