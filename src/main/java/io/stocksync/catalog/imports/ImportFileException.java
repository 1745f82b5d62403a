package io.stocksync.catalog.imports;

/** The uploaded file cannot be imported at all (not CSV, no sku column, no rows): nothing of it is applied. */
public class ImportFileException extends RuntimeException {

  public ImportFileException(String message) {
    super(message);
  }
}
