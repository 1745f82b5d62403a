-- Alert notification secret rotation: the secret a tenant rotated away from keeps signing (a second signature in
-- webhook-signature) until notification_previous_secret_until, so its receiver can switch over without losing
-- notifications. Sealed like notification_secret_sealed, with the same context.
ALTER TABLE tenant
    ADD COLUMN notification_previous_secret_sealed text,
    ADD COLUMN notification_previous_secret_until  timestamptz;
