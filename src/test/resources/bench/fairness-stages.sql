-- Where the fairness benchmark's latency goes, per run (the tenants' name suffix), tenant kind and phase
-- (alone = before the noisy tenant's first delivery). Run against the benchmark's database after a fairness run:
-- PGPASSWORD=stocksync psql -h 127.0.0.1 -p 15432 -U stocksync -d stocksync -f src/test/resources/bench/fairness-stages.sql

-- The benchmark's fairness tenants by run, the noisy one marked, and when each run's noisy tenant started.
CREATE TEMP VIEW fairness_tenant AS
  SELECT substring(name from 'Fairness bench \d+ (\w+)$') AS run, id, (name LIKE 'Fairness bench 20 %') AS noisy
  FROM tenant WHERE name LIKE 'Fairness bench %';
CREATE TEMP VIEW fairness_noisy_start AS
  SELECT r.run, min(d.received_at) AS t0 FROM fairness_tenant r JOIN webhook_delivery d ON d.tenant_id = r.id
  WHERE r.noisy GROUP BY r.run;

-- 1. The Watcher stage: webhook received -> delivery applied (webhook_delivery.processed_at).
WITH q AS (
  SELECT r.run, r.noisy, CASE WHEN d.received_at < n.t0 THEN 'alone' ELSE 'with noisy' END AS phase,
         extract(epoch from (d.processed_at - d.received_at)) * 1000 AS watcher_ms
  FROM fairness_tenant r JOIN webhook_delivery d ON d.tenant_id = r.id JOIN fairness_noisy_start n ON n.run = r.run)
SELECT run, noisy, phase, count(*),
  round(percentile_cont(0.5) within group (order by watcher_ms)::numeric, 1) p50,
  round(percentile_cont(0.99) within group (order by watcher_ms)::numeric, 1) p99,
  round(max(watcher_ms)::numeric, 1) max
FROM q GROUP BY run, noisy, phase ORDER BY run, noisy, phase;

-- 2. The Sync stage: the Watcher's transaction (stock_movement.created_at, its start) -> the push recorded
-- (sync_event.created_at, the start of the transaction after the vendor call), and the vendor call itself.
WITH p AS (
  SELECT r.run, r.noisy, CASE WHEN m.created_at < n.t0 THEN 'alone' ELSE 'with noisy' END AS phase, c.type,
         extract(epoch from (e.created_at - m.created_at)) * 1000 AS sync_ms, e.latency_ms
  FROM fairness_tenant r JOIN fairness_noisy_start n ON n.run = r.run
  JOIN stock_movement m ON m.tenant_id = r.id AND m.reason = 'ORDER'
  JOIN channel_mapping cm ON cm.product_id = m.product_id
  JOIN channel c ON c.id = cm.channel_id AND c.type <> 'SHOPIFY'
  JOIN sync_event e ON e.mapping_id = cm.id AND e.level = m.on_hand_after AND e.outcome = 'PUSHED')
SELECT run, noisy, phase, type, count(*),
  round(percentile_cont(0.5) within group (order by sync_ms)::numeric, 1) p50,
  round(percentile_cont(0.99) within group (order by sync_ms)::numeric, 1) p99,
  round(percentile_cont(0.5) within group (order by latency_ms)::numeric, 1) http_p50,
  round(percentile_cont(0.99) within group (order by latency_ms)::numeric, 1) http_p99
FROM p GROUP BY run, noisy, phase, type ORDER BY run, noisy, phase, type;

-- 3. The Watcher stage per tenant: whether the noisy tenant's cost lands on a few quiet tenants (those sharing a
-- session with it: a queue) or on all of them (stalls everyone waits through).
WITH q AS (
  SELECT r.run, r.id, r.noisy, CASE WHEN d.received_at < n.t0 THEN 'alone' ELSE 'with noisy' END AS phase,
         extract(epoch from (d.processed_at - d.received_at)) * 1000 AS watcher_ms
  FROM fairness_tenant r JOIN webhook_delivery d ON d.tenant_id = r.id JOIN fairness_noisy_start n ON n.run = r.run)
SELECT run, phase, id AS tenant, noisy, count(*),
  round(percentile_cont(0.5) within group (order by watcher_ms)::numeric, 1) p50,
  round(percentile_cont(0.99) within group (order by watcher_ms)::numeric, 1) p99,
  round(max(watcher_ms)::numeric, 1) max
FROM q GROUP BY run, phase, id, noisy ORDER BY run, phase, p99 DESC;
