package io.modelregistry.api.artifact;

/**
 * What a sensitive model's monitor program decided about one download, as recorded in the download's event.
 * {@code exitCode} is null when the program did not end by itself (timed out, never started); {@code stdout} and
 * {@code stderr} are what it printed, cut to {@link #RECORDED_CHARS} characters each ({@code truncated} says
 * whether anything was cut, here or by the runner's capture bound); {@code reason} says in words why a download
 * that was not allowed was refused.
 */
public record MonitorVerdict(Outcome outcome, Integer exitCode, String programSha256, String stdout, String stderr,
                             boolean truncated, long millis, String reason) {

    /** How much of each stream an event keeps: events stay small (DynamoDB items are at most 400 KB). */
    public static final int RECORDED_CHARS = 8 * 1024;

    public enum Outcome {
        /** The program exited 0: the download goes ahead. */
        ALLOWED,
        /** The program exited non-zero: the download is refused with its output. */
        REFUSED,
        /** The program ran past the time limit and was killed: refused. */
        TIMED_OUT,
        /** No program could be run (no Node.js, it failed to start, or every monitor slot stayed busy): refused. */
        UNAVAILABLE,
        /** The model is sensitive but has no monitor program attached: refused. */
        NO_PROGRAM,
        /**
         * Not the monitor's verdict but the weights scan's: the download would send a pickle-based weights file with
         * dangerous imports that no administrator has allowed; refused before any monitor runs.
         */
        UNSAFE_WEIGHTS
    }

    public MonitorVerdict {
        if (outcome == null) {
            throw new IllegalArgumentException("a verdict has an outcome");
        }
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** The same verdict with each stream cut to what an event keeps. */
    public MonitorVerdict forRecord() {
        boolean cut = stdout.length() > RECORDED_CHARS || stderr.length() > RECORDED_CHARS;
        return new MonitorVerdict(outcome, exitCode, programSha256, cap(stdout), cap(stderr), truncated || cut, millis,
                reason);
    }

    private static String cap(String text) {
        return text.length() <= RECORDED_CHARS ? text : text.substring(0, RECORDED_CHARS);
    }
}
