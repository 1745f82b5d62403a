-- Epos Now sends no usable stock webhooks, so its channels are polled (io.stocksync.watcher.EposNowPoller).
-- A server claims a channel for one poll with a lease (poll_claim, renewed at every page), so no two servers poll
-- the same channel at once, and a server that dies mid-poll loses the channel when the lease runs out.
-- last_polled_at spaces the polls of a channel by the configured interval, whichever server runs them.
ALTER TABLE channel
    ADD COLUMN poll_claim         uuid,
    ADD COLUMN poll_claimed_until timestamptz,
    ADD COLUMN last_polled_at     timestamptz;
CREATE INDEX channel_poll_due_idx ON channel (last_polled_at NULLS FIRST) WHERE type = 'EPOSNOW';
