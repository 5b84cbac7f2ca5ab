-- How many times handing a statement on to the evidence pipeline has failed with a fault (not "does not map",
-- which is a dead letter at once). The sweep takes the least-tried first, so a statement that always fails
-- cannot hold back newer ones, and after a bounded number of faults it becomes a replayable dead letter.
ALTER TABLE xapi_statement ADD COLUMN mapping_attempts INT NOT NULL DEFAULT 0;
