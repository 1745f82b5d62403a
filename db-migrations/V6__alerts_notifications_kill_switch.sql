-- Alert notifications: an outbox of alert events to send to the tenant's notification URL (Standard Webhooks),
-- and every attempt made to send one.
ALTER TABLE tenant ADD COLUMN notification_secret_sealed text;

CREATE TABLE alert_notification (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    alert_id        uuid        NOT NULL REFERENCES alert (id),
    event_type      text        NOT NULL CHECK (event_type IN ('alert.raised', 'alert.resolved')),
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_notification_due_idx ON alert_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX alert_notification_tenant_idx ON alert_notification (tenant_id, id);
CREATE INDEX alert_notification_alert_idx ON alert_notification (alert_id);

CREATE TABLE alert_notification_attempt (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    notification_id bigint      NOT NULL REFERENCES alert_notification (id),
    response_status integer,
    error           text,
    latency_ms      integer,
    attempted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_notification_attempt_tenant_idx ON alert_notification_attempt (tenant_id, id);
CREATE INDEX alert_notification_attempt_notification_idx ON alert_notification_attempt (notification_id);

-- Alerts are listed newest first per tenant, filtered by type and status.
CREATE INDEX alert_tenant_type_status_idx ON alert (tenant_id, type, status, id);
CREATE INDEX alert_channel_idx ON alert (channel_id) WHERE channel_id IS NOT NULL;

-- Operators' kill switches: pushes of a channel type, or of a tenant, stop (and wait, flagged) while one is set.
CREATE TABLE kill_switch (
    scope      text        NOT NULL CHECK (scope IN ('CHANNEL_TYPE', 'TENANT')),
    target     text        NOT NULL,
    reason     text,
    set_by     text        NOT NULL,
    set_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, target)
);

-- The Alert worker's sliding window over a channel's recent push attempts.
CREATE INDEX sync_event_tenant_time_idx ON sync_event (tenant_id, created_at);
