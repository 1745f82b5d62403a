-- Alert notification delivery (Standard Webhooks): the webhook-id each notification keeps across its retries (so
-- the receiver can drop duplicates), the rounds of retries made, and when and how the last round ended.
-- alert_notification.attempts (V6) counts single HTTP attempts; each round makes one or more of them.
ALTER TABLE alert_notification
    ADD COLUMN message_id   text        NOT NULL DEFAULT ('msg_' || replace(gen_random_uuid()::text, '-', '')),
    ADD COLUMN rounds       integer     NOT NULL DEFAULT 0,
    ADD COLUMN last_error   text,
    ADD COLUMN delivered_at timestamptz;
CREATE UNIQUE INDEX alert_notification_message_idx ON alert_notification (message_id);
