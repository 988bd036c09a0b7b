package io.modelregistry.rating;

import io.modelregistry.api.artifact.PackageFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which of a model's files are its weights, and how many bytes one copy of them takes. Repositories often carry
 * the same weights in several formats (bert-base-uncased: safetensors, PyTorch, TensorFlow, Flax, ONNX, Rust,
 * Core ML); a device needs one. So: take the first format present in the order safetensors, PyTorch, ONNX,
 * GGUF, TensorFlow, Flax, other; within it, per folder, sum a sharded set ({@code -00001-of-00003}) or take the
 * largest file (the others are quantised variants of it); sum over folders (a diffusers pipeline needs every
 * component).
 */
final class WeightFiles {

    private static final Pattern SHARD = Pattern.compile("-\\d{3,5}-of-\\d{3,5}\\.");
    private static final long MIN_GENERIC_BIN = 1_000_000;

    private record Format(String name, Predicate<String> matches) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("safetensors", p -> p.endsWith(".safetensors")),
            new Format("PyTorch", p -> (fileName(p).startsWith("pytorch_model") && p.endsWith(".bin"))
                    || p.endsWith(".pt") || p.endsWith(".pth") || p.endsWith(".ckpt")),
            new Format("ONNX", p -> p.endsWith(".onnx")),
            new Format("GGUF", p -> p.endsWith(".gguf")),
            new Format("TensorFlow", p -> p.endsWith(".h5") || p.endsWith(".keras") || p.endsWith(".tflite")),
            new Format("Flax", p -> p.endsWith(".msgpack")),
            new Format("other", p -> p.endsWith(".ot") || p.endsWith(".mlmodel") || p.endsWith(".bin")));

    /** The bytes of one copy of the weights, and the format chosen; empty when no file looks like weights. */
    record Weights(String format, long bytes, int files) {
    }

    private WeightFiles() {
    }

    static Optional<Weights> of(List<PackageFile> files) {
        for (Format format : FORMATS) {
            List<PackageFile> matching = new ArrayList<>();
            for (PackageFile file : files) {
                String path = file.path().toLowerCase(Locale.ROOT);
                boolean generic = format.name().equals("other") && path.endsWith(".bin");
                if (format.matches().test(path) && (!generic || file.sizeBytes() >= MIN_GENERIC_BIN)) {
                    matching.add(file);
                }
            }
            if (!matching.isEmpty()) {
                return Optional.of(new Weights(format.name(), oneCopy(matching), matching.size()));
            }
        }
        return Optional.empty();
    }

    private static long oneCopy(List<PackageFile> files) {
        Map<String, List<PackageFile>> byFolder = new LinkedHashMap<>();
        for (PackageFile file : files) {
            int slash = file.path().lastIndexOf('/');
            byFolder.computeIfAbsent(slash < 0 ? "" : file.path().substring(0, slash), k -> new ArrayList<>()).add(file);
        }
        long total = 0;
        for (List<PackageFile> folder : byFolder.values()) {
            long shards = folder.stream().filter(f -> SHARD.matcher(f.path()).find()).mapToLong(PackageFile::sizeBytes).sum();
            long largest = folder.stream().mapToLong(PackageFile::sizeBytes).max().orElse(0);
            total += Math.max(shards, largest);
        }
        return total;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
