-- The tier's webhooks per minute, enforced where deliveries are processed (the Watcher), never at intake: a vendor
-- whose webhooks we refuse retries or, like WooCommerce after 5 failures, disables them. A delivery over the limit
-- waits as DEFERRED and is taken in a later minute (io.stocksync.watcher.WebhookAllowance, DeferredDeliveries).
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_outcome_check;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_outcome_check
    CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'PROCESSED', 'PARKED', 'REJECTED', 'DEAD', 'DEFERRED'));

-- Deliveries offered to the Watcher per tenant and minute (of the database's clock, shared by every server), with
-- the limit that applied. A deferred delivery offered again in the same minute counts again: only whether the count
-- passed the limit matters. Windows older than an hour are deleted.
CREATE TABLE webhook_rate_window (
    tenant_id    uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    offered      integer     NOT NULL,
    window_limit integer     NOT NULL,
    PRIMARY KEY (tenant_id, window_start)
);

-- The deferred deliveries waiting for their tenant's next minute, oldest first.
CREATE INDEX delivery_deferred_idx ON webhook_delivery (tenant_id, id) WHERE outcome = 'DEFERRED';
