-- Sessions opened by LTI launches, bound to (tenant, person, context, roles). Kept in the database so
-- that any node can serve the learner's next page; the browser holds only the random id.
CREATE TABLE lti_session (
    id               VARCHAR(100)             PRIMARY KEY,
    registration_id  VARCHAR(36)              NOT NULL REFERENCES lti_registration (id),
    tenant_id        VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    person_id        VARCHAR(36)              NOT NULL,
    context_id       VARCHAR(255),
    context_title    VARCHAR(1000),
    roles            TEXT                     NOT NULL,
    instructor       BOOLEAN                  NOT NULL,
    memberships_url  VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_lti_session_context ON lti_session (registration_id, context_id);
CREATE INDEX ix_lti_session_expiry ON lti_session (expires_at);
