-- Per-tenant API request counters in fixed one-minute windows. Shared by every server, so a tenant's limit holds
-- however many servers run. Old windows are deleted by the limiter itself.
CREATE TABLE api_rate_window (
    tenant_id    uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    requests     integer     NOT NULL,
    PRIMARY KEY (tenant_id, window_start)
);
