package io.modelregistry.command.blob.filesystem;

import io.modelregistry.api.blob.BlobStore;
import io.modelregistry.command.blob.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The shared blob store contract on the embedded adapter. */
class FilesystemBlobStoreContractTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    protected BlobStore store() {
        return new FilesystemBlobStore(root);
    }

    @Override
    protected int multipartBytes() {
        return 3 * 1024 * 1024 + 17;
    }

    @Override
    protected List<String> leftovers() throws IOException {
        Path temp = root.resolve("sha256/.tmp");
        if (!Files.exists(temp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(Path::toString).toList();
        }
    }

    @Override
    protected boolean presigns() {
        return false;
    }
}
