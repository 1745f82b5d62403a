-- The Guardian's history purge looks for its job instances that no run names and that were last updated before
-- the retention (io.stocksync.guardian.history). Without this index that search walks every Guardian job instance
-- in Liberty's repository (2.0 s at 2,000,000); with it, only the old ones. batch.jobinstance exists from V24 on.
CREATE INDEX IF NOT EXISTS jobinstance_guardian_updatetime_idx ON batch.jobinstance (updatetime, jobinstanceid)
    WHERE jobname = 'guardian-reconcile';
