package io.modelregistry.api.artifact;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a package a file belongs to, so a client can fetch just the weights, the card, the config, the
 * code or the data. Decided by the file's name alone, so every reader of a manifest agrees. Files that fit no
 * aspect (e.g. {@code .gitattributes}, images) are only in the full package.
 */
public enum Aspect {
    WEIGHTS, CARD, CONFIG, CODE, DATASETS, OTHER;

    private static final Set<String> WEIGHT_EXTENSIONS = Set.of("safetensors", "bin", "pt", "pth", "ckpt", "onnx",
            "gguf", "ggml", "h5", "hdf5", "msgpack", "tflite", "pb", "mlmodel", "npz", "joblib", "pkl", "pickle", "keras",
            "ot", "model");
    private static final Set<String> CODE_EXTENSIONS = Set.of("py", "ipynb", "sh", "bash", "js", "ts", "java", "go",
            "rs", "c", "cc", "cpp", "h", "r", "jl");
    private static final Set<String> DATA_EXTENSIONS = Set.of("parquet", "csv", "tsv", "jsonl", "arrow", "feather",
            "avro", "orc", "zst", "tar", "gz", "tfrecord", "wav", "flac", "mp3");
    private static final Set<String> CARD_NAMES = Set.of("readme", "model_card", "modelcard", "license", "licence",
            "notice", "citation", "copying", "use_policy", "registry-manifest");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("json", "yaml", "yml", "toml", "cfg", "txt", "ini");

    /** The aspect of a repo path (case-insensitive on the name). */
    public static Aspect of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (base.startsWith("tokenizer")) {
            return CONFIG; // tokenizer.model is SentencePiece vocabulary, not weights
        }
        if (WEIGHT_EXTENSIONS.contains(extension)) {
            return WEIGHTS;
        }
        if (CARD_NAMES.contains(base) || extension.equals("md")) {
            return CARD;
        }
        if (CODE_EXTENSIONS.contains(extension) || base.startsWith("requirements") || name.equals("dockerfile")
                || name.equals("makefile") || name.equals("setup.cfg") || name.equals("pyproject.toml")) {
            return CODE;
        }
        if (DATA_EXTENSIONS.contains(extension)) {
            return DATASETS;
        }
        if (CONFIG_EXTENSIONS.contains(extension) || base.startsWith("tokenizer") || name.endsWith(".vocab")
                || name.equals("vocab") || name.equals("merges")) {
            return CONFIG;
        }
        return OTHER;
    }

    /** The lower-case name used on the wire ({@code weights}, {@code card}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aspect a client may ask for by wire name; {@link #OTHER} is not one (it is only in the full package). */
    public static Optional<Aspect> requestable(String wireName) {
        for (Aspect aspect : values()) {
            if (aspect != OTHER && aspect.wireName().equals(wireName)) {
                return Optional.of(aspect);
            }
        }
        return Optional.empty();
    }
}
