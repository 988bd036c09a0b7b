package io.modelregistry.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A file system of its own, small enough to fill: a tmpfs of a given size mounted on a fresh directory. Mounting
 * needs the right to mount (root in a VM, as on this project's machines); where it is refused, {@link #mount} says
 * why and the test that asked is skipped rather than run on a disk it cannot fill.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path root;
    private final Path filler;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve("filler.bin");
    }

    /** Mounts a tmpfs of {@code megabytes} on a new directory; fails with the reason when that is not permitted. */
    public static SmallDisk mount(int megabytes) throws IOException {
        Path root = Files.createTempDirectory("registry-small-disk");
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", root.toString()));
        return new SmallDisk(root);
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code directory} (created if missing), as a volume of its own there. */
    public static SmallDisk mountAt(Path directory, int megabytes) throws IOException {
        Files.createDirectories(directory);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", directory.toString()));
        return new SmallDisk(directory);
    }

    public Path root() {
        return root;
    }

    /** Writes a file until the disk is full, as another process on the same volume would. */
    public void fill() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    /** Frees what {@link #fill} took. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    public long usableBytes() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    @Override
    public void close() throws IOException {
        run(List.of("umount", "-l", root.toString()));
        Files.deleteIfExists(root);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed (" + process.exitValue() + "): "
                    + new String(process.getInputStream().readAllBytes()).strip());
        }
    }
}
