-- The HR sync: runs with their report, the batches each run planned (checkpointed one by one so a
-- stopped run resumes at the first unsent batch) and the state last sent to HR per person and skill.

CREATE TABLE hr_sync_run (
    id                    VARCHAR(36)              NOT NULL PRIMARY KEY,
    tenant_id             VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    mode                  VARCHAR(20)              NOT NULL,
    trigger_name          VARCHAR(20)              NOT NULL,
    status                VARCHAR(20)              NOT NULL,
    taxonomy_version      VARCHAR(100),
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at           TIMESTAMP WITH TIME ZONE,
    people_seen           INTEGER                  NOT NULL,
    people_sent           INTEGER                  NOT NULL,
    skills_upserted       INTEGER                  NOT NULL,
    skills_removed        INTEGER                  NOT NULL,
    batches_total         INTEGER                  NOT NULL,
    batches_sent          INTEGER                  NOT NULL,
    batches_failed        INTEGER                  NOT NULL,
    without_hr_id_count   INTEGER                  NOT NULL,
    -- JSON arrays, capped in length: the first people without an HR id and the first errors.
    without_hr_id         TEXT                     NOT NULL,
    errors                TEXT                     NOT NULL
);

CREATE INDEX ix_hr_sync_run_tenant_started ON hr_sync_run (tenant_id, started_at);

-- A batch's state, checkpointed as it is delivered. Kept apart from its (large) body so that marking
-- a batch sent rewrites a small row.
CREATE TABLE hr_sync_batch (
    run_id           VARCHAR(36)              NOT NULL REFERENCES hr_sync_run (id),
    batch_no         INTEGER                  NOT NULL,
    idempotency_key  VARCHAR(100)             NOT NULL,
    state            VARCHAR(20)              NOT NULL,
    record_count     INTEGER                  NOT NULL,
    upserts          INTEGER                  NOT NULL,
    removes          INTEGER                  NOT NULL,
    error            VARCHAR(2000),
    sent_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, batch_no),
    CONSTRAINT uq_hr_sync_batch_key UNIQUE (idempotency_key)
);

-- body is the exact JSON sent, so a resumed run re-sends byte for byte what it signed the first time.
-- ledger: one line per record (person id, skill id, action, level, verified at, hash), applied to
-- hr_sync_sent_skill once the run's outputs have all taken the batch.
CREATE TABLE hr_sync_batch_body (
    run_id    VARCHAR(36)  NOT NULL,
    batch_no  INTEGER      NOT NULL,
    body      TEXT         NOT NULL,
    ledger    TEXT         NOT NULL,
    PRIMARY KEY (run_id, batch_no),
    CONSTRAINT fk_hr_sync_batch_body FOREIGN KEY (run_id, batch_no) REFERENCES hr_sync_batch (run_id, batch_no)
);

CREATE TABLE hr_sync_sent_skill (
    tenant_id    VARCHAR(100)             NOT NULL,
    person_id    VARCHAR(36)              NOT NULL,
    skill_id     VARCHAR(200)             NOT NULL,
    level        INTEGER                  NOT NULL,
    verified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    hash         VARCHAR(64)              NOT NULL,
    run_id       VARCHAR(36)              NOT NULL,
    PRIMARY KEY (tenant_id, person_id, skill_id)
);

-- spring-integration-jdbc's lock table (schema-postgresql.sql of spring-integration-jdbc 6.5), used by
-- JdbcLockRegistry so that one node at a time runs the sync.
CREATE TABLE INT_LOCK (
    LOCK_KEY      CHAR(36)     NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
