-- Product imports: a shop's CSV file, applied by the product-import batch job (io.stocksync.catalog.imports).
-- The file is kept with the import so that a restarted job reads the same rows; seq orders a tenant's imports for
-- the API's cursor.
CREATE TABLE product_import (
    id              uuid PRIMARY KEY,
    seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'STOPPED')),
    content         bytea       NOT NULL,
    rows_total      integer     NOT NULL,
    requested_by    text        NOT NULL,
    request_id      text,
    job_instance_id bigint UNIQUE,
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    ended_at        timestamptz
);
CREATE INDEX product_import_tenant_idx ON product_import (tenant_id, seq);

-- What each row of an import came to. Written in the chunk's transaction with the row's changes, so a chunk read
-- again after a restart finds its rows here and applies none of them twice.
CREATE TABLE product_import_row (
    import_id  uuid    NOT NULL REFERENCES product_import (id),
    row_number integer NOT NULL,
    tenant_id  uuid    NOT NULL REFERENCES tenant (id),
    sku        text,
    outcome    text    NOT NULL CHECK (outcome IN ('CREATED', 'UPDATED', 'UNCHANGED', 'REJECTED')),
    message    text,
    PRIMARY KEY (import_id, row_number)
);
CREATE INDEX product_import_row_tenant_idx ON product_import_row (tenant_id);
