package io.modelregistry.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.hub.RepoPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EagerFilePolicyTest {

    private static PackageFile listed(String path, long size) {
        return new PackageFile(path, size, null, false);
    }

    @Test
    void picksSmallDescriptiveFilesReadmeAndConfigFirst() {
        List<PackageFile> listing = List.of(
                listed(".gitattributes", 1519),
                listed("tokenizer/vocab.txt", 231_508),
                listed("LICENSE", 11_357),
                listed("model.safetensors", 440_449_768),
                listed("config.json", 570),
                listed("tokenizer.json", 2_000_000),
                listed("README.md", 10_517),
                listed("generation_config.json", 132),
                listed("pytorch_model.bin", 1000));

        assertThat(EagerFilePolicy.select(listing, null)).containsExactly(
                "README.md", "config.json", "LICENSE", "generation_config.json", "tokenizer/vocab.txt");
    }

    @Test
    void theFileTheUrlNamesComesNextEvenIfNotText() {
        List<PackageFile> listing = List.of(listed("a.json", 10), listed("small.bin", 100), listed("README.md", 5));
        assertThat(EagerFilePolicy.select(listing, "small.bin")).containsExactly("README.md", "small.bin", "a.json");
    }

    @Test
    void anOversizedReadmeIsStillAskedFor() {
        assertThat(EagerFilePolicy.select(List.of(listed("README.md", 5_000_000), listed("docs/big.md", 5_000_000)), null))
                .containsExactly("README.md");
    }

    @Test
    void boundsCountAndSkipsUnsafeOrReservedPaths() {
        List<PackageFile> listing = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            listing.add(listed(String.format("configs/c%03d.json", i), 10));
        }
        listing.add(listed("../escape.json", 1));
        listing.add(listed("/abs.json", 1));
        listing.add(listed(RepoPaths.MANIFEST, 1));
        List<String> selected = EagerFilePolicy.select(listing, null);
        assertThat(selected).hasSize(IngestLimits.STORED_FILES).allMatch(p -> p.startsWith("configs/"));
    }
}
