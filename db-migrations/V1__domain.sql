-- stocksync's first schema: the domain of SPEC.md. Every table of tenant data carries tenant_id, and every
-- index a tenant-scoped query uses leads with it. Application tables live in the connection's default schema;
-- Liberty's Jakarta Batch job repository lives in its own schema "batch" (Liberty creates its tables there).

CREATE SCHEMA IF NOT EXISTS batch;

CREATE TABLE tenant (
    id                          uuid PRIMARY KEY,
    name                        text        NOT NULL,
    tier                        text        NOT NULL CHECK (tier IN ('FREE', 'STARTER', 'PRO', 'ENTERPRISE')),
    status                      text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'DELETED')),
    drift_threshold             integer     NOT NULL DEFAULT 5 CHECK (drift_threshold >= 0),
    reconcile_interval_minutes  integer     NOT NULL DEFAULT 15 CHECK (reconcile_interval_minutes > 0),
    default_low_stock_threshold integer     NOT NULL DEFAULT 0 CHECK (default_low_stock_threshold >= 0),
    notification_url            text,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    version                     bigint      NOT NULL DEFAULT 0
);

CREATE TABLE channel (
    id                       uuid PRIMARY KEY,
    tenant_id                uuid        NOT NULL REFERENCES tenant (id),
    type                     text        NOT NULL CHECK (type IN ('SHOPIFY', 'WOOCOMMERCE', 'SQUARE', 'DELIVEROO',
                                                                   'WIX', 'EPOSNOW', 'GENERIC')),
    display_name             text        NOT NULL,
    api_base_url             text,
    credentials_enc          bytea,
    webhook_secret_enc       bytea,
    previous_secret_enc      bytea,
    previous_secret_until    timestamptz,
    buffer_stock             integer     NOT NULL DEFAULT 0 CHECK (buffer_stock >= 0),
    health                   text        NOT NULL DEFAULT 'CONNECTED'
                                         CHECK (health IN ('CONNECTED', 'DEGRADED', 'DISCONNECTED')),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint      NOT NULL DEFAULT 0
);
CREATE INDEX channel_tenant_idx ON channel (tenant_id, id);

CREATE TABLE product (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenant (id),
    sku                 text        NOT NULL,
    name                text        NOT NULL,
    -- on-hand may go below zero: an order a channel already took is a fact, and the ledger must explain it.
    on_hand             bigint      NOT NULL DEFAULT 0,
    low_stock_threshold integer CHECK (low_stock_threshold >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT product_sku_per_tenant UNIQUE (tenant_id, sku)
);
CREATE INDEX product_tenant_id_idx ON product (tenant_id, id);

CREATE TABLE channel_mapping (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid        NOT NULL REFERENCES tenant (id),
    product_id           uuid        NOT NULL REFERENCES product (id),
    channel_id           uuid        NOT NULL REFERENCES channel (id),
    external_id          text        NOT NULL,
    external_location_id text,
    last_pushed_level    bigint,
    last_pushed_at       timestamptz,
    last_reported_level  bigint,
    last_reported_at     timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              bigint      NOT NULL DEFAULT 0,
    CONSTRAINT mapping_external_id_per_channel UNIQUE (tenant_id, channel_id, external_id),
    CONSTRAINT mapping_one_per_product_channel UNIQUE (tenant_id, product_id, channel_id)
);
CREATE INDEX mapping_tenant_product_idx ON channel_mapping (tenant_id, product_id);

-- Append-only ledger: on_hand of a product always equals the sum of its deltas.
CREATE TABLE stock_movement (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenant (id),
    product_id        uuid        NOT NULL REFERENCES product (id),
    delta             bigint      NOT NULL,
    on_hand_before    bigint      NOT NULL,
    on_hand_after     bigint      NOT NULL CHECK (on_hand_after = on_hand_before + delta),
    reason            text        NOT NULL CHECK (reason IN ('ORDER', 'CANCEL', 'REFUND', 'CHANNEL_SET', 'MANUAL',
                                                             'GUARDIAN_REPAIR', 'IMPORT')),
    source_channel_id uuid REFERENCES channel (id),
    external_event_id text,
    correlation_id    text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX movement_tenant_product_idx ON stock_movement (tenant_id, product_id, id);
-- An external event moves a product at most once.
CREATE UNIQUE INDEX movement_external_event_once ON stock_movement (tenant_id, source_channel_id, external_event_id, product_id)
    WHERE external_event_id IS NOT NULL;

-- The webhook inbox: every delivery received, accepted or not. dedupe_key is the vendor's event id; the unique
-- index makes de-duplication one atomic insert. Rejected deliveries carry no dedupe_key.
CREATE TABLE webhook_delivery (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      uuid REFERENCES tenant (id),
    channel_id     uuid REFERENCES channel (id),
    channel_type   text        NOT NULL,
    dedupe_key     text,
    topic          text,
    outcome        text        NOT NULL CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'PROCESSED', 'PARKED',
                                                           'REJECTED', 'DEAD')),
    reject_reason  text,
    request_id     text,
    received_at    timestamptz NOT NULL DEFAULT now(),
    processed_at   timestamptz,
    body           bytea
);
CREATE UNIQUE INDEX delivery_once_per_channel ON webhook_delivery (channel_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX delivery_tenant_idx ON webhook_delivery (tenant_id, id);
CREATE INDEX delivery_received_idx ON webhook_delivery (received_at, id);

CREATE TABLE sync_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    mapping_id  uuid        NOT NULL REFERENCES channel_mapping (id),
    level       bigint      NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('PUSHED', 'SKIPPED', 'FAILED', 'PARKED', 'CONFLICT')),
    attempt     integer     NOT NULL DEFAULT 1,
    latency_ms  integer,
    http_status integer,
    error       text,
    request_id  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_event_tenant_mapping_idx ON sync_event (tenant_id, mapping_id, id);

CREATE TABLE alert (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    type            text        NOT NULL CHECK (type IN ('LOW_STOCK', 'DRIFT', 'SYNC_FAILURE', 'CHANNEL_DOWN')),
    severity        text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    status          text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    dedupe_key      text        NOT NULL,
    product_id      uuid REFERENCES product (id),
    channel_id      uuid REFERENCES channel (id),
    message         text        NOT NULL,
    raised_at       timestamptz NOT NULL DEFAULT now(),
    acknowledged_at timestamptz,
    resolved_at     timestamptz
);
-- One open (or acknowledged) alert per key: raising is an atomic insert that conflicts here.
CREATE UNIQUE INDEX alert_one_open_per_key ON alert (tenant_id, dedupe_key) WHERE status <> 'RESOLVED';
CREATE INDEX alert_tenant_idx ON alert (tenant_id, id);

CREATE TABLE audit_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text,
    before      jsonb,
    after       jsonb,
    request_id  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_tenant_idx ON audit_entry (tenant_id, id);

CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

-- Broker round-trip probes (ops' synthetic check of REST -> JMS -> MDB -> database).
CREATE TABLE diagnostic_probe (
    id             uuid PRIMARY KEY,
    sent_at        timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    delivery_count integer     NOT NULL,
    request_id     text
);
