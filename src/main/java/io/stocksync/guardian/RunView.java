package io.stocksync.guardian;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A run as the API shows it: how it was started, where it stands, and its summary. */
public record RunView(UUID id, String trigger, OffsetDateTime slotStart, String requestedBy, String state,
    String batchStatus, Long jobInstanceId, Long executionId, OffsetDateTime claimedAt, OffsetDateTime startedAt,
    OffsetDateTime endedAt, Tally summary) {}
