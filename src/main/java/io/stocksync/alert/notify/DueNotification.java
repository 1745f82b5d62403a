package io.stocksync.alert.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification claimed for sending, with where it goes (url and sealed secrets as the tenant row holds them; the
 * previous secret only while its grace period lasts).
 */
public record DueNotification(long id, UUID tenantId, UUID alertId, String eventType, String messageId,
    Instant createdAt, int rounds, String url, String sealedSecret, String sealedPreviousSecret) {}
