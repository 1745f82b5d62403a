package io.stocksync.catalog.export;

import java.util.UUID;

/** A channel of the export: three columns, in display-name order. */
record ExportChannel(UUID id, String displayName, int bufferStock) {}
