package io.stocksync.catalog.imports;

/** The upload is over the size an import takes. */
public class ImportTooLargeException extends RuntimeException {

  public ImportTooLargeException(int maxBytes) {
    super("an import file may hold at most " + maxBytes / (1024 * 1024) + " MiB; split it into several imports");
  }
}
