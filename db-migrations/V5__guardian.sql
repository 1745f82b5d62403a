-- Guardian (reconciliation): one row per run with its summary, per-partition (per-channel) counters written in
-- each chunk's transaction (so a restart neither loses nor repeats a count), and the last observation of a
-- mapping whose channel showed less than expected (an upward repair waits until two consecutive reads agree).

CREATE TABLE guardian_run (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    trigger         text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'API', 'OPS')),
    -- The schedule slot this run belongs to (null for runs started by the API or by ops).
    slot_start      timestamptz,
    requested_by    text        NOT NULL,
    -- CLAIMED: a server won the claim and is starting the job; RUNNING: an execution is under way;
    -- ENDED: the latest execution ended (its batch status is in the job repository); LOST: its server went away.
    state           text        NOT NULL CHECK (state IN ('CLAIMED', 'RUNNING', 'ENDED', 'LOST')),
    job_instance_id bigint UNIQUE,
    execution_id    bigint,
    claimed_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    ended_at        timestamptz,
    -- Why a run ended without a job execution (its start failed); else null.
    note            text,
    checked         bigint      NOT NULL DEFAULT 0,
    in_sync         bigint      NOT NULL DEFAULT 0,
    repaired        bigint      NOT NULL DEFAULT 0,
    alerted         bigint      NOT NULL DEFAULT 0,
    skipped         bigint      NOT NULL DEFAULT 0,
    failed          bigint      NOT NULL DEFAULT 0
);
-- Exactly one server starts each scheduled run: the claim is an insert that conflicts here.
CREATE UNIQUE INDEX guardian_run_once_per_slot ON guardian_run (tenant_id, slot_start) WHERE slot_start IS NOT NULL;
-- Never two runs of one tenant at once (a restart of an ended run takes this place again).
CREATE UNIQUE INDEX guardian_run_one_active ON guardian_run (tenant_id) WHERE state IN ('CLAIMED', 'RUNNING');
CREATE INDEX guardian_run_tenant_idx ON guardian_run (tenant_id, claimed_at DESC);

CREATE TABLE guardian_run_partition (
    run_id     uuid        NOT NULL REFERENCES guardian_run (id) ON DELETE CASCADE,
    channel_id uuid        NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    checked    bigint      NOT NULL DEFAULT 0,
    in_sync    bigint      NOT NULL DEFAULT 0,
    repaired   bigint      NOT NULL DEFAULT 0,
    alerted    bigint      NOT NULL DEFAULT 0,
    skipped    bigint      NOT NULL DEFAULT 0,
    failed     bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, channel_id)
);

CREATE TABLE guardian_observation (
    mapping_id  uuid PRIMARY KEY REFERENCES channel_mapping (id) ON DELETE CASCADE,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    level       bigint      NOT NULL,
    run_id      uuid        NOT NULL,
    observed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guardian_observation_tenant_idx ON guardian_observation (tenant_id);
