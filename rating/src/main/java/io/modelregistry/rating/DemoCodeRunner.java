package io.modelregistry.rating;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a model card's demonstration code runs: unchanged, after automatic repair, or not at all.
 * The default ({@link StaticDemoCodeRunner}) only reads the code; a deployment that has a sandboxed Python
 * (no network, a timeout, the model's files mounted read-only) can provide another implementation as a Spring
 * bean, which replaces the default.
 */
public interface DemoCodeRunner {

    /**
     * @param modelRepoId  the model's repo id, e.g. {@code google-bert/bert-base-uncased}
     * @param modelName    the registered name
     * @param library      the library the model declares ({@code transformers}...), or null
     * @param localModules Python modules the model repository itself ships (its top-level {@code *.py} files)
     * @param blocks       the card's Python code blocks that demonstrate the model, in card order
     */
    record Request(String modelRepoId, String modelName, String library, Set<String> localModules,
                   List<String> blocks) {
    }

    enum Outcome { RUNS, RUNS_AFTER_REPAIR, FAILS }

    /** The verdict for the best block, and what was found or repaired, in one line. */
    record Verdict(Outcome outcome, String detail) {
    }

    Verdict run(Request request);

    /** The default: reads the code, runs nothing. */
    static DemoCodeRunner staticCheck() {
        return new StaticDemoCodeRunner();
    }
}
