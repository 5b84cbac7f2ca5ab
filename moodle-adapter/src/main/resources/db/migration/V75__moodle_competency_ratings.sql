-- The proficient competency ratings each Moodle user's last sync sent (<competency id>:<grade>, comma-separated),
-- so an unchanged rating costs no write and a changed or withdrawn one is revoked.
-- Null for rows written before ratings were read: read as "none sent".
ALTER TABLE moodle_sync_state ADD COLUMN ratings TEXT;
