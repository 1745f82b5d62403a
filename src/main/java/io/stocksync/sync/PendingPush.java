package io.stocksync.sync;

import java.time.Instant;
import java.util.UUID;

/** A mapping waiting for a push, with the level it should show now. */
record PendingPush(UUID mappingId, String externalId, String externalLocationId, long level, Long lastPushed,
    Long lastReported, Instant requestedAt, int attempts, Instant changeReceivedAt) {}
