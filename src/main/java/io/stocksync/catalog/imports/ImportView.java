package io.stocksync.catalog.imports;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An import as the API shows it: where its job stands and what its rows came to so far.
 *
 * @param status QUEUED, RUNNING, COMPLETED, FAILED (restart it through /ibm/api/batch) or STOPPED
 * @param pending rows not applied yet
 */
@JsonbNillable
public record ImportView(UUID id, String status, int rows, int created, int updated, int unchanged, int rejected,
    int pending, String requestedBy, Long jobInstanceId, String error, OffsetDateTime createdAt,
    OffsetDateTime startedAt, OffsetDateTime endedAt) {}
