package io.modelregistry.command.weights;

/**
 * What one file's scan may spend: bytes read, opcodes interpreted, and wall-clock time. A scan that reaches a bound
 * stops and says so (the file is then suspicious, never safe), so a hostile file costs at most the budget.
 */
record ScanBudget(long maxBytes, long maxOpcodes, long deadlineNanos) {

    /** Thrown when a bound is reached; caught by the scanner and turned into a finding. */
    static final class Exhausted extends Exception {
        Exhausted(String message) {
            super(message, null, false, false);
        }
    }

    static ScanBudget of(long maxBytes, long maxOpcodes, java.time.Duration timeout) {
        return new ScanBudget(maxBytes, maxOpcodes, System.nanoTime() + timeout.toNanos());
    }

    void checkTime() throws Exhausted {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Exhausted("the scan ran out of time");
        }
    }
}
