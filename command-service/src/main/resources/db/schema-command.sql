-- Command-side state (see docs/decisions).
-- Duplicate-source claims: one row per source, written by a conditional insert before the artifact's events
-- are appended, on its own connection (0033). claimed_at dates a claim whose artifact is not in the log yet.
CREATE TABLE IF NOT EXISTS source_claim (
    source_key    VARCHAR(2200) NOT NULL PRIMARY KEY,
    artifact_id   VARCHAR(64)   NOT NULL,
    artifact_type VARCHAR(16)   NOT NULL,
    name          VARCHAR(1024) NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS source_claim_by_artifact ON source_claim (artifact_id);

-- Claims written by earlier versions (one row per artifact, in the event append's transaction) move over once;
-- their artifacts are in the log, so the claim time only needs to be a time.
CREATE TABLE IF NOT EXISTS artifact_claim (
    artifact_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    artifact_type VARCHAR(16)  NOT NULL,
    name          VARCHAR(1024) NOT NULL,
    source_key    VARCHAR(2200) NOT NULL UNIQUE
);
INSERT INTO source_claim (source_key, artifact_id, artifact_type, name, claimed_at)
    SELECT c.source_key, c.artifact_id, UPPER(c.artifact_type), c.name, CURRENT_TIMESTAMP FROM artifact_claim c
    WHERE NOT EXISTS (SELECT 1 FROM source_claim s WHERE s.source_key = c.source_key);
DROP TABLE artifact_claim;

CREATE TABLE IF NOT EXISTS user_account (
    username      VARCHAR(1024) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    is_admin      BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS auth_token (
    token_hash VARCHAR(64)   NOT NULL PRIMARY KEY,
    username   VARCHAR(1024) NOT NULL,
    is_admin   BOOLEAN       NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    uses       INT           NOT NULL,
    max_uses   INT           NOT NULL
);

-- Permissions came after the accounts: an existing account could do everything, so it keeps every permission.
ALTER TABLE user_account ADD COLUMN IF NOT EXISTS permissions VARCHAR(64) DEFAULT 'download,search,upload' NOT NULL;
-- Revoking a user's tokens (removal, lost permission) looks them up by user.
CREATE INDEX IF NOT EXISTS auth_token_by_user ON auth_token (username);
