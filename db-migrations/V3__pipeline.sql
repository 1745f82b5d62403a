-- The real-time pipeline's state in PostgreSQL (the broker only carries wake-ups; the database is the truth):
-- which mappings wait for a push (coalesced: one flag however many changes), and when a failed push may retry.
ALTER TABLE channel_mapping
    ADD COLUMN push_requested_at timestamptz,
    ADD COLUMN push_attempts     integer NOT NULL DEFAULT 0,
    ADD COLUMN push_not_before   timestamptz;
CREATE INDEX mapping_push_pending_idx ON channel_mapping (channel_id, push_requested_at)
    WHERE push_requested_at IS NOT NULL;

-- Deliveries not yet processed, for the outbox sweeper that re-publishes what the fast path did not.
CREATE INDEX delivery_pending_idx ON webhook_delivery (id) WHERE outcome IN ('ACCEPTED', 'PARKED');

-- Where a processed delivery's event came from, for tracing a webhook's journey.
ALTER TABLE webhook_delivery ADD COLUMN event_kind text;

-- The headers a vendor sent (topic, event id, timestamps live there), kept with the body for processing and replay.
ALTER TABLE webhook_delivery ADD COLUMN headers text;
