package io.modelregistry.server;

/** {@link CrashRecoveryIT} on the embedded default: H2 event log, filesystem blobs, node-local read models. */
class CrashRecoveryOnEmbeddedStoresIT extends CrashRecoveryIT {

    CrashRecoveryOnEmbeddedStoresIT() {
        super("embedded");
    }
}
