package io.modelregistry.workload;

/** A step of the workload that could not be done (the registry refused it, or did not answer in time). */
public class WorkloadException extends RuntimeException {

    public WorkloadException(String message) {
        super(message);
    }

    public WorkloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
