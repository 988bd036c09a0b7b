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
-- The name without case and separators ("Fair-Face" -> "fairface"), and without a variant suffix
-- ("imagenet-1k" -> "imagenet", TargetKeys.variantBaseOf): added later, filled in here for rows written before.
ALTER TABLE lineage_artifact ADD COLUMN IF NOT EXISTS name_compact VARCHAR(1024);
ALTER TABLE lineage_artifact ADD COLUMN IF NOT EXISTS name_base VARCHAR(256);
UPDATE lineage_artifact SET name_compact = REGEXP_REPLACE(name_key, '[-_.\s]+', '') WHERE name_compact IS NULL;
UPDATE lineage_artifact SET name_base = REGEXP_REPLACE(REGEXP_REPLACE(name_key, '^(.+?)[-_.\s]+(?:\d+[kmb]|v\d+(?:\.\d+)?|(?:19|20)\d{2})$', '$1'), '[-_.\s]+', '')
    WHERE name_base IS NULL AND LENGTH(name_key) <= 256 AND POSITION('/' IN name_key) = 0
      AND REGEXP_LIKE(name_key, '^(.+?)[-_.\s]+(?:\d+[kmb]|v\d+(?:\.\d+)?|(?:19|20)\d{2})$')
      AND LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(name_key, '^(.+?)[-_.\s]+(?:\d+[kmb]|v\d+(?:\.\d+)?|(?:19|20)\d{2})$', '$1'), '[-_.\s]+', '')) >= 3;
CREATE INDEX IF NOT EXISTS lineage_artifact_name_compact ON lineage_artifact (name_compact);
CREATE INDEX IF NOT EXISTS lineage_artifact_name_base ON lineage_artifact (name_base);

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
-- The target's last segment without case and separators ("fair_face" -> "fairface"): added later, filled in here.
ALTER TABLE lineage_relationship ADD COLUMN IF NOT EXISTS target_compact VARCHAR(512);
UPDATE lineage_relationship SET target_compact = REGEXP_REPLACE(target_last, '[-_.\s]+', '') WHERE target_compact IS NULL;
CREATE INDEX IF NOT EXISTS lineage_relationship_compact ON lineage_relationship (target_compact);
