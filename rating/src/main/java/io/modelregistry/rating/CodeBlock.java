package io.modelregistry.rating;

import java.util.Locale;

/** One fenced code block of a model card: its info string (language, lower case, may be empty) and its text. */
record CodeBlock(String language, String code) {

    boolean looksLikePython() {
        if (language.startsWith("py") || language.equals("ipython") || language.equals("python3")) {
            return true;
        }
        if (!language.isEmpty()) {
            return false;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        return lower.contains("import ") || lower.contains("from_pretrained(") || lower.contains("pipeline(");
    }
}
