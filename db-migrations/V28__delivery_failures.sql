-- How many times applying a delivery alone failed (its message is then redelivered, and dead-lettered in the end).
-- DeferredDeliveries stops waking a deferred delivery that failed as often as the broker delivers a message (it is
-- dead-lettered): otherwise it would stay at the head of its tenant's deferred backlog and hold up the ones behind.
ALTER TABLE webhook_delivery ADD COLUMN failures integer NOT NULL DEFAULT 0;
