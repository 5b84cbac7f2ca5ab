-- Canvas Live Events already taken in, per tenant, so a redelivered event is answered as a duplicate.
-- Raw-format events carry no id: their id is the SHA-256 of the canonical event ("raw:<hex>");
-- Caliper events use their own id (urn:uuid:…).
CREATE TABLE canvas_live_event (
    tenant_id    VARCHAR(100) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    event_name   VARCHAR(100) NOT NULL,
    outcome      VARCHAR(30)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);
