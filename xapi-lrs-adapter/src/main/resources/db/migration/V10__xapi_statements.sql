-- xAPI statements as received (the raw JSON is the audit record and what a replay reads), the
-- credentials LRS clients authenticate with, and the LRS poller's watermarks.
-- Portable SQL only: runs unchanged on PostgreSQL 14+ and on H2 2.3 in PostgreSQL mode.

-- One row per statement and tenant. content_hash decides "same statement" (204) against "conflict" (409);
-- mapped is false until the statement has been offered to the evidence pipeline, so a sweep after a
-- crash finds what was acknowledged but not yet turned into evidence.
CREATE TABLE xapi_statement (
    tenant_id     VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    statement_id  VARCHAR(36)              NOT NULL,
    content_hash  VARCHAR(64)              NOT NULL,
    actor_key     VARCHAR(2000)            NOT NULL,
    verb_id       VARCHAR(2000)            NOT NULL,
    object_id     VARCHAR(2000),
    voids         VARCHAR(36),
    raw_json      TEXT                     NOT NULL,
    warnings      TEXT,
    authority     VARCHAR(200)             NOT NULL,
    received_version VARCHAR(10)           NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    voided        BOOLEAN                  NOT NULL DEFAULT FALSE,
    mapped        BOOLEAN                  NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, statement_id)
);

CREATE INDEX ix_xapi_statement_unmapped ON xapi_statement (mapped, stored_at);
CREATE INDEX ix_xapi_statement_actor ON xapi_statement (tenant_id, actor_key, verb_id);

-- Only a hash of the secret is stored; the secret is shown once, when the credential is created.
CREATE TABLE xapi_credential (
    api_key       VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_hash   VARCHAR(64)              NOT NULL,
    tenant_id     VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    label         VARCHAR(200)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where the poller of one external LRS got to: the stored time of the last statement it took.
CREATE TABLE xapi_poll_watermark (
    lrs_name      VARCHAR(100)             NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    since         VARCHAR(40)              NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
