-- Which blobs each version of a live artifact references (manifest, its files, documents): what a sweep keeps.
CREATE TABLE IF NOT EXISTS blob_reference (
    artifact_id VARCHAR(64)  NOT NULL,
    version     VARCHAR(256) NOT NULL,
    digest      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (artifact_id, version, digest)
);
CREATE INDEX IF NOT EXISTS blob_reference_digest ON blob_reference (digest);
