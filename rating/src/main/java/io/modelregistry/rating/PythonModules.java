package io.modelregistry.rating;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which top-level Python modules a demo may import and still run in the reference environment of the model's
 * library: the standard library, a common scientific stack, and the library's own ecosystem. Anything else
 * (a helper module of the author's, a typo) makes the demo unrunnable as written.
 */
final class PythonModules {

    private static final Set<String> STANDARD = Set.of("__future__", "abc", "argparse", "array", "ast", "asyncio",
            "base64", "bisect", "builtins", "collections", "concurrent", "contextlib", "copy", "csv", "dataclasses",
            "datetime", "decimal", "enum", "fractions", "functools", "gc", "glob", "gzip", "hashlib", "heapq", "html",
            "http", "importlib", "inspect", "io", "itertools", "json", "logging", "math", "multiprocessing", "numbers",
            "operator", "os", "pathlib", "pickle", "platform", "pprint", "queue", "random", "re", "secrets", "shutil",
            "signal", "socket", "sqlite3", "statistics", "string", "struct", "subprocess", "sys", "tarfile",
            "tempfile", "textwrap", "threading", "time", "timeit", "traceback", "types", "typing", "unicodedata",
            "urllib", "uuid", "warnings", "wave", "weakref", "xml", "zipfile", "zlib");
    private static final Set<String> COMMON = Set.of("numpy", "scipy", "pandas", "torch", "torchvision", "torchaudio",
            "PIL", "requests", "tqdm", "huggingface_hub", "safetensors", "matplotlib", "sklearn", "cv2", "soundfile",
            "librosa", "einops", "yaml", "packaging", "regex", "filelock", "IPython", "pydantic");
    private static final Set<String> TRANSFORMERS = Set.of("transformers", "tokenizers", "datasets", "evaluate",
            "accelerate", "peft", "optimum", "sentencepiece", "tensorflow", "tf_keras", "jax", "flax", "onnxruntime",
            "bitsandbytes", "trl");
    private static final Map<String, Set<String>> BY_LIBRARY = Map.ofEntries(
            Map.entry("transformers", TRANSFORMERS),
            Map.entry("diffusers", Set.of("diffusers", "transformers", "accelerate")),
            Map.entry("sentence-transformers", Set.of("sentence_transformers", "transformers")),
            Map.entry("timm", Set.of("timm")),
            Map.entry("open_clip", Set.of("open_clip")),
            Map.entry("lerobot", Set.of("lerobot", "gymnasium", "gym", "gym_pusht")),
            Map.entry("keras", Set.of("keras", "tensorflow")),
            Map.entry("tf-keras", Set.of("tf_keras", "tensorflow")),
            Map.entry("spacy", Set.of("spacy")),
            Map.entry("flair", Set.of("flair")),
            Map.entry("fastai", Set.of("fastai")),
            Map.entry("speechbrain", Set.of("speechbrain")),
            Map.entry("stable-baselines3", Set.of("stable_baselines3", "gymnasium", "huggingface_sb3")),
            Map.entry("mlx", Set.of("mlx", "mlx_lm")),
            Map.entry("peft", Set.of("peft", "transformers")),
            Map.entry("gguf", Set.of("llama_cpp")),
            Map.entry("onnx", Set.of("onnx", "onnxruntime")));

    private PythonModules() {
    }

    /** The modules available for a model of this library (unknown or absent: the transformers ecosystem). */
    static Set<String> available(String library, Set<String> localModules) {
        Set<String> modules = new HashSet<>(STANDARD);
        modules.addAll(COMMON);
        String key = library == null ? "transformers" : library.toLowerCase(Locale.ROOT);
        modules.addAll(BY_LIBRARY.getOrDefault(key, TRANSFORMERS));
        modules.addAll(localModules);
        return modules;
    }
}
