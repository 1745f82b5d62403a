package io.stocksync.catalog.imports;

/**
 * Thrown on purpose when a chunk holds the row named by the failAtRow job parameter: a test (or an operator
 * rehearsing a restart) makes the import fail at a known row. A restart replaces the job parameters, so it runs on.
 */
public class ImportForcedFailure extends RuntimeException {

  public ImportForcedFailure(int row) {
    super("forced failure at row " + row + " (job parameter failAtRow)");
  }
}
