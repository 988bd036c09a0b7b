-- Sensitive models and their monitor programs (the program's bytes are a blob named by program_sha256).
CREATE TABLE IF NOT EXISTS model_guard (
    artifact_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    sensitive           BOOLEAN       NOT NULL,
    program_sha256      VARCHAR(64),
    program_bytes       BIGINT,
    program_attached_by VARCHAR(1024),
    program_attached_at TIMESTAMP WITH TIME ZONE,
    changed_by          VARCHAR(1024) NOT NULL,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The download history: one row per download or refused download, keyed by its event's log position.
CREATE TABLE IF NOT EXISTS download_history (
    position         BIGINT        NOT NULL PRIMARY KEY,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    username         VARCHAR(1024) NOT NULL,
    is_admin         BOOLEAN       NOT NULL,
    artifact_id      VARCHAR(64)   NOT NULL,
    artifact_type    VARCHAR(16)   NOT NULL,
    name             VARCHAR(1024) NOT NULL,
    version          VARCHAR(160),
    aspect           VARCHAR(4096) NOT NULL,
    bytes            BIGINT        NOT NULL,
    allowed          BOOLEAN       NOT NULL,
    monitor_outcome  VARCHAR(16),
    monitor_exit     INTEGER,
    monitor_sha256   VARCHAR(64),
    monitor_stdout   VARCHAR(16384),
    monitor_stderr   VARCHAR(16384),
    monitor_truncated BOOLEAN,
    monitor_millis   BIGINT,
    monitor_reason   VARCHAR(2048)
);
-- An aspect names a file for a single-file download ("file:<path>"), longer than the aspect words it first held.
ALTER TABLE download_history ALTER COLUMN aspect SET DATA TYPE VARCHAR(4096);
CREATE INDEX IF NOT EXISTS download_history_artifact ON download_history (artifact_id, position);
CREATE INDEX IF NOT EXISTS download_history_user ON download_history (username, position);

-- Registry resets, by log position: a read now starts after the last one, a read "as of" after the last one then.
CREATE TABLE IF NOT EXISTS download_history_reset (
    position BIGINT NOT NULL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The weights scan of each package (the scan as JSON, from the event that registered the package) and the
-- administrator's override that allows downloading it despite dangerous imports.
CREATE TABLE IF NOT EXISTS weights_scan (
    artifact_id      VARCHAR(64)   NOT NULL,
    package_digest   VARCHAR(64)   NOT NULL,
    version          VARCHAR(160),
    scan_json        CLOB          NOT NULL,
    override_by      VARCHAR(1024),
    override_at      TIMESTAMP WITH TIME ZONE,
    override_reason  VARCHAR(4096),
    PRIMARY KEY (artifact_id, package_digest)
);
