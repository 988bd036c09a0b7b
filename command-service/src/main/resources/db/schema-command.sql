-- Command-side state written in the same transaction as the events it belongs to (see docs/decisions).
CREATE TABLE IF NOT EXISTS artifact_claim (
    artifact_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    artifact_type VARCHAR(16)  NOT NULL,
    name          VARCHAR(1024) NOT NULL,
    source_key    VARCHAR(2200) NOT NULL UNIQUE
);

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
