-- The card read model: per artifact version, where its documents are (rebuilt by replaying the "cards" group).
CREATE TABLE IF NOT EXISTS artifact_card (
    artifact_id    VARCHAR(64)   NOT NULL,
    version        VARCHAR(256)  NOT NULL,
    artifact_type  VARCHAR(16)   NOT NULL,
    name           VARCHAR(1024) NOT NULL,
    source_url     VARCHAR(2200),
    source_kind    VARCHAR(32)   NOT NULL,
    licence        VARCHAR(256),
    task           VARCHAR(128),
    library        VARCHAR(128),
    tags_json      VARCHAR(8192) NOT NULL,
    documents_json CLOB          NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (artifact_id, version)
);
