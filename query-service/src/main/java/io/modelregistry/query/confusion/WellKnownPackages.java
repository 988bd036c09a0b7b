package io.modelregistry.query.confusion;

import io.modelregistry.api.artifact.ArtifactType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bundled list of well-known packages ({@code confusion/well-known-packages.tsv}): targets even when unregistered. */
final class WellKnownPackages {

    static final String RESOURCE = "confusion/well-known-packages.tsv";

    private WellKnownPackages() {
    }

    static List<PackageEntry> load() {
        try (InputStream in = WellKnownPackages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<PackageEntry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                String repo = columns[1].strip();
                int slash = repo.indexOf('/');
                entries.add(new PackageEntry(null, repo.substring(slash + 1),
                        ArtifactType.valueOf(columns[0].strip().toUpperCase(Locale.ROOT)), repo.substring(0, slash)));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
