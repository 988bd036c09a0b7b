package io.modelregistry.server;

/** {@link CrashRecoveryIT} on the scale-out adapters: DynamoDB (dynalite), S3 (S3Proxy) and OpenSearch. */
class CrashRecoveryOnScaleOutStoresIT extends CrashRecoveryIT {

    CrashRecoveryOnScaleOutStoresIT() {
        super("scale-out");
    }
}
