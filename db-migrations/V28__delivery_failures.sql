-- How many times applying a delivery alone failed (its message is then redelivered, and dead-lettered in the end).
-- DeferredDeliveries never wakes a deferred delivery that failed: it would put the same failing delivery at the
-- head of its tenant's deferred backlog every minute, and the deliveries behind it would never be woken.
ALTER TABLE webhook_delivery ADD COLUMN failures integer NOT NULL DEFAULT 0;
