-- When the oldest change not yet pushed to this mapping's channel was received (a webhook's arrival, a manual
-- adjustment): the end-to-end latency metric measures from here to the push.
ALTER TABLE channel_mapping ADD COLUMN change_received_at timestamptz;
