-- Lineage read model (processing group "lineage"): who each artifact is, and what each model declares.
-- Targets are kept as declared and resolved to artifacts when read, so a parent registered after its child,
-- or deleted before it, is linked or unlinked without rewriting anything. Rebuilt by replaying the group.
CREATE TABLE IF NOT EXISTS lineage_artifact (
    artifact_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    artifact_type      VARCHAR(16)   NOT NULL,
    name               VARCHAR(1024) NOT NULL,
    name_key           VARCHAR(1024) NOT NULL,
    repo_id            VARCHAR(512),
    repo_key           VARCHAR(512),
    repo_last          VARCHAR(512),
    source_kind        VARCHAR(32),
    source_url         VARCHAR(2200),
    repository_url     VARCHAR(2200),
    revision           VARCHAR(256),
    declared           BOOLEAN       NOT NULL,
    metadata_malformed BOOLEAN       NOT NULL
);
CREATE INDEX IF NOT EXISTS lineage_artifact_name ON lineage_artifact (name_key);
CREATE INDEX IF NOT EXISTS lineage_artifact_repo ON lineage_artifact (repo_key);
CREATE INDEX IF NOT EXISTS lineage_artifact_repo_last ON lineage_artifact (repo_last);

CREATE TABLE IF NOT EXISTS lineage_relationship (
    artifact_id  VARCHAR(64)   NOT NULL,
    ordinal      INT           NOT NULL,
    target       VARCHAR(512)  NOT NULL,
    target_key   VARCHAR(512)  NOT NULL,
    target_flat  VARCHAR(512)  NOT NULL,
    target_last  VARCHAR(512)  NOT NULL,
    target_kind  VARCHAR(16)   NOT NULL,
    relationship VARCHAR(64)   NOT NULL,
    source       VARCHAR(32)   NOT NULL,
    evidence     VARCHAR(1024),
    PRIMARY KEY (artifact_id, ordinal)
);
CREATE INDEX IF NOT EXISTS lineage_relationship_target ON lineage_relationship (target_key);
CREATE INDEX IF NOT EXISTS lineage_relationship_flat ON lineage_relationship (target_flat);
CREATE INDEX IF NOT EXISTS lineage_relationship_last ON lineage_relationship (target_last);
