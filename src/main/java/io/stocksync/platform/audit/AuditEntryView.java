package io.stocksync.platform.audit;

import java.time.Instant;

/** An audit entry as the API shows it. */
public record AuditEntryView(long id, String actor, String action, String entityType, String entityId,
    String before, String after, String requestId, Instant createdAt) {}
