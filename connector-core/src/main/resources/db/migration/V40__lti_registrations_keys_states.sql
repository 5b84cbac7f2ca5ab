-- LTI 1.3: platform registrations keyed by (issuer, client_id), their deployments, the tool's signing
-- keys, and the login states whose nonces are single use.

CREATE TABLE lti_registration (
    id                      VARCHAR(36)              PRIMARY KEY,
    tenant_id               VARCHAR(100)             NOT NULL REFERENCES tenant (id),
    issuer                  VARCHAR(500)             NOT NULL,
    client_id               VARCHAR(255)             NOT NULL,
    authorization_endpoint  VARCHAR(1000)            NOT NULL,
    token_endpoint          VARCHAR(1000),
    jwks_uri                VARCHAR(1000)            NOT NULL,
    active                  BOOLEAN                  NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_lti_registration UNIQUE (issuer, client_id)
);

CREATE TABLE lti_deployment (
    registration_id  VARCHAR(36)              NOT NULL REFERENCES lti_registration (id),
    deployment_id    VARCHAR(255)             NOT NULL,
    first_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (registration_id, deployment_id)
);

-- Private keys are stored as JWK documents; the table must be readable by the application only.
CREATE TABLE lti_tool_key (
    kid          VARCHAR(100)             PRIMARY KEY,
    private_jwk  TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE
);

-- One row per login initiation: the state the browser brings back and the nonce the id_token must carry.
-- used_at is set once, atomically, by the launch that consumes it.
CREATE TABLE lti_login_state (
    state            VARCHAR(100)             PRIMARY KEY,
    nonce            VARCHAR(100)             NOT NULL,
    registration_id  VARCHAR(36)              NOT NULL REFERENCES lti_registration (id),
    target_link_uri  VARCHAR(2000)            NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_lti_login_state_expiry ON lti_login_state (expires_at);
