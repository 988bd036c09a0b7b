package io.modelregistry.rating;

/** A local clone of the model's code repository, or why there is none. */
record CloneEvidence(LocalClone local, String problem) {

    static CloneEvidence none(String problem) {
        return new CloneEvidence(null, problem);
    }

    boolean available() {
        return local != null;
    }
}
