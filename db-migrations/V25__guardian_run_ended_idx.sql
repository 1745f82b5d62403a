-- The Guardian's history retention (io.stocksync.guardian.history) finds the runs that ended before its horizon,
-- oldest first; at ~96 runs per tenant and day the table holds millions of rows.
CREATE INDEX guardian_run_ended_idx ON guardian_run (ended_at, id) WHERE state IN ('ENDED', 'LOST');
