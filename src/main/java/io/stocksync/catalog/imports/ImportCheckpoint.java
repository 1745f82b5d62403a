package io.stocksync.catalog.imports;

import java.io.Serializable;

/** Where an import stands: the last row handed to the writer (1, the header, before the first). */
public record ImportCheckpoint(int lastRow) implements Serializable {

  private static final long serialVersionUID = 1L;
}
