package io.modelregistry.workload;

/**
 * Where the workload gets an {@code X-Authorization} value ({@code "bearer …"}): a login through
 * {@code PUT /authenticate} on the command line, a token issued to the administrator who pressed the button when the
 * server starts the run. Asked again before the current token's 1,000 uses run out.
 */
@FunctionalInterface
public interface TokenSource {

    String freshToken();
}
