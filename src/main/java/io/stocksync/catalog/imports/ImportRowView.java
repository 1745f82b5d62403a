package io.stocksync.catalog.imports;

import jakarta.json.bind.annotation.JsonbNillable;

/** One row's outcome: CREATED, UPDATED, UNCHANGED or REJECTED (with why). */
@JsonbNillable
public record ImportRowView(int row, String sku, String outcome, String message) {}
