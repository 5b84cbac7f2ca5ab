-- LTI Advantage services: where a person's scores go (the AGS line-items URL of each context they
-- launched in), the line items Waypoint created (one per context and role, created once and reused),
-- and the last score timestamp sent per line item and user (platforms refuse one not strictly later).

CREATE TABLE lti_ags_link (
    registration_id  VARCHAR(36)              NOT NULL REFERENCES lti_registration (id),
    context_id       VARCHAR(255)             NOT NULL,
    person_id        VARCHAR(36)              NOT NULL,
    tenant_id        VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    lti_user_id      VARCHAR(255)             NOT NULL,
    line_items_url   VARCHAR(2000)            NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (registration_id, context_id, person_id)
);

CREATE INDEX ix_lti_ags_link_person ON lti_ags_link (person_id);

CREATE TABLE lti_line_item (
    registration_id  VARCHAR(36)              NOT NULL REFERENCES lti_registration (id),
    line_items_url   VARCHAR(2000)            NOT NULL,
    role_id          VARCHAR(200)             NOT NULL,
    line_item_url    VARCHAR(2000)            NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (registration_id, line_items_url, role_id)
);

CREATE TABLE lti_score_sent (
    line_item_url    VARCHAR(2000)            NOT NULL,
    lti_user_id      VARCHAR(255)             NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (line_item_url, lti_user_id)
);
