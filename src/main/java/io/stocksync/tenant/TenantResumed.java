package io.stocksync.tenant;

import java.time.Instant;
import java.util.UUID;

/** Fired when a paused tenant resumes, after the change commits: parked work may flow again. */
public record TenantResumed(UUID tenantId, Instant at) {}
