package io.modelregistry.rating;

import java.util.Locale;
import java.util.Set;

/**
 * Which files of a repository are code, for reviewedness: source files by extension (and build scripts by
 * name), not weights, data, notebooks, documentation or vendored third-party code.
 */
final class CodeFiles {

    private static final Set<String> EXTENSIONS = Set.of("py", "pyx", "pyi", "java", "kt", "kts", "scala", "groovy",
            "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "cu", "cuh", "m", "mm", "swift", "go", "rs", "rb", "php", "js",
            "jsx", "mjs", "cjs", "ts", "tsx", "sh", "bash", "zsh", "ps1", "lua", "r", "jl", "pl", "pm", "cs", "fs",
            "dart", "hs", "ml", "ex", "exs", "erl", "clj", "sql", "proto", "cmake", "gradle", "vue", "svelte");
    private static final Set<String> NAMES = Set.of("makefile", "dockerfile", "cmakelists.txt", "build", "build.bazel");
    private static final String[] VENDORED = {"vendor/", "third_party/", "thirdparty/", "node_modules/", "external/"};

    private CodeFiles() {
    }

    static boolean isCode(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String vendored : VENDORED) {
            if (p.startsWith(vendored) || p.contains("/" + vendored)) {
                return false;
            }
        }
        if (p.endsWith(".min.js")) {
            return false;
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (NAMES.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }
}
