package io.stocksync.guardian;

import java.time.Instant;
import java.util.UUID;

/** The run a job execution belongs to: found by job instance id, so a restart (new job parameters) finds it too. */
public record RunRef(UUID runId, UUID tenantId, Instant claimedAt) {}
