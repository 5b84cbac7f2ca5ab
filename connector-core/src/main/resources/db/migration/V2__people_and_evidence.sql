-- People, the identity map and the evidence store.

CREATE TABLE person (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    display_name     VARCHAR(300),
    current_role_id  VARCHAR(200),
    weekly_hours     DOUBLE PRECISION         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Lets identities and evidence reference (person, tenant), so the database itself refuses to
    -- attach one tenant's data to another tenant's person.
    CONSTRAINT uq_person_tenant UNIQUE (id, tenant_id)
);

CREATE INDEX ix_person_tenant_created ON person (tenant_id, created_at);

-- seq keeps the order the person chose their targets in.
CREATE TABLE person_target_role (
    person_id  VARCHAR(36)  NOT NULL REFERENCES person (id),
    role_id    VARCHAR(200) NOT NULL,
    seq        INTEGER      NOT NULL,
    PRIMARY KEY (person_id, role_id)
);

-- An identity belongs to at most one person within a tenant; the unique key is what makes two
-- concurrent resolutions of the same new identity agree on one person.
CREATE TABLE person_identity (
    tenant_id       VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    kind            VARCHAR(40)              NOT NULL,
    identity_value  VARCHAR(1000)            NOT NULL,
    person_id       VARCHAR(36)              NOT NULL,
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_person_identity UNIQUE (tenant_id, kind, identity_value),
    CONSTRAINT fk_person_identity_person FOREIGN KEY (person_id, tenant_id) REFERENCES person (id, tenant_id)
);

CREATE INDEX ix_person_identity_person ON person_identity (person_id);

-- Evidence is never updated in place except to follow its person through a merge. The natural key
-- makes it idempotent: replays and re-polls hit the unique key and are dropped.
CREATE TABLE evidence (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    person_id      VARCHAR(36)              NOT NULL,
    kind           VARCHAR(40)              NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    source_system  VARCHAR(100),
    external_id    VARCHAR(500),
    natural_key    VARCHAR(1000)            NOT NULL,
    object_ref     VARCHAR(500),
    score_scaled   DOUBLE PRECISION,
    revokes        VARCHAR(1000),
    raw_payload    TEXT,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_evidence_natural_key UNIQUE (tenant_id, natural_key),
    CONSTRAINT fk_evidence_person FOREIGN KEY (person_id, tenant_id) REFERENCES person (id, tenant_id)
);

CREATE INDEX ix_evidence_person ON evidence (person_id, occurred_at);

-- seq keeps the grants in the order the rules produced them.
CREATE TABLE evidence_grant (
    evidence_id  VARCHAR(36)  NOT NULL REFERENCES evidence (id),
    seq          INTEGER      NOT NULL,
    skill_id     VARCHAR(200) NOT NULL,
    level        INTEGER      NOT NULL,
    PRIMARY KEY (evidence_id, seq)
);
