package io.stocksync.catalog.imports;

import java.util.UUID;

/** The import a job execution works on, handed from the job listener to the reader and writer. */
public record ImportRef(UUID importId, UUID tenantId, String requestedBy, String requestId) {}
