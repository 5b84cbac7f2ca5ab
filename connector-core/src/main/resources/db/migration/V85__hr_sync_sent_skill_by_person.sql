-- The HR sync reads what HR last received a page of people at a time, by the page's person id range
-- (dev.waypoint.core.hrsync.jdbc.PageRange). The primary key starts with the tenant, so without this
-- index every page scanned the tenant's whole sent state: a full sync over a filled state was quadratic.
CREATE INDEX ix_hr_sync_sent_skill_person ON hr_sync_sent_skill (person_id);
