package io.stocksync.catalog.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded file read as UTF-8 CSV (RFC 4180; a byte-order mark is skipped, blank lines are ignored): its header,
 * then its rows one at a time, so a big file is never held as parsed objects.
 */
final class ImportFile implements Iterator<ImportRow>, AutoCloseable {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final ImportColumns columns;

  private ImportFile(CSVParser parser) {
    this.parser = parser;
    this.records = parser.iterator();
    if (!records.hasNext()) {
      throw new ImportFileException("the file is empty: it needs a header row and at least one product row");
    }
    this.columns = ImportColumns.of(records.next());
  }

  static ImportFile open(byte[] content) {
    int skip = startsWithBom(content) ? BOM.length : 0;
    var in = new ByteArrayInputStream(content, skip, content.length - skip);
    try {
      return new ImportFile(CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), FORMAT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks the whole file before anything is applied: its header, its CSV syntax; returns its number of rows. */
  static int countRows(byte[] content) {
    try (var file = open(content)) {
      int rows = 0;
      while (file.hasNext()) {
        file.next();
        rows++;
      }
      if (rows == 0) {
        throw new ImportFileException("the file has a header but no product rows");
      }
      return rows;
    }
  }

  /** Reads at most {@code maxBytes} of the request body; more than that is refused as a whole. */
  static byte[] readCapped(InputStream body, int maxBytes) throws IOException {
    byte[] content = body.readNBytes(maxBytes + 1);
    if (content.length > maxBytes) {
      throw new ImportTooLargeException(maxBytes);
    }
    return content;
  }

  @Override
  public boolean hasNext() {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw notCsv(e);
    }
  }

  @Override
  public ImportRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CSVRecord record;
    try {
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw notCsv(e);
    }
    return ImportRowParser.parse((int) record.getRecordNumber(), record, columns);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImportFileException notCsv(RuntimeException e) {
    return new ImportFileException("the file is not valid CSV after row " + parser.getRecordNumber() + ": "
        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= BOM.length && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
  }
}
