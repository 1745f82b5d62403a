-- A tenant being purged in batches is DELETING until no row of it is left; then DELETED (the tombstone).
ALTER TABLE tenant DROP CONSTRAINT tenant_status_check;
ALTER TABLE tenant ADD CONSTRAINT tenant_status_check
    CHECK (status IN ('ACTIVE', 'PAUSED', 'DELETING', 'DELETED'));
