-- The cluster lock of the LRS pollers (spring-integration-jdbc's JdbcLockRegistry, table prefix XAPI_INT_),
-- so that of several nodes one polls each LRS at a time. Same columns as the library's own schema.
CREATE TABLE xapi_int_lock (
    lock_key      CHAR(36)     NOT NULL,
    region        VARCHAR(100) NOT NULL,
    client_id     CHAR(36),
    created_date  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_xapi_int_lock PRIMARY KEY (lock_key, region)
);
